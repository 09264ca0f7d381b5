// `stroom anatomy`: per design, what became of the problems of the window, per 100
// requests, and how many led to design work that changed coverage, and how fast.

import type { CommandModule } from 'yargs';
import { groupedNotes, relevantArg } from '../compare-table.js';
import { describeRun } from '../context.js';
import { designOptions, withHtml, type DesignArgs, type ReportFormat } from '../design-options.js';
import { toJson } from '../format.js';
import { withCommon } from '../options.js';
import { emit } from '../output.js';

interface AnatomyArgs extends DesignArgs {
  relevant?: string;
}

export function anatomyCommand(_setExit: (code: number) => void): CommandModule<object, AnatomyArgs> {
  return {
    command: 'anatomy <scenario>',
    describe: 'what became of every problem (improvised, resolved, compensated, referred, signalled, meeting, coach, contract, withdrawn, open) and how often it led to design work',
    builder: (y) =>
      withHtml(designOptions(withCommon(y)))
        .option('relevant', { type: 'string', describe: "smallest difference that matters, as a share of the baseline's mean (0.01) or a percentage (1%); default 1%" })
        .epilog(
          'A problem is a question nobody could answer or a contested collision; each ends in exactly one fate. ' +
            'CSV columns: design,replication,seed,fate,value,unit (the ten fates per 100 requests, then problems_per_100, visible_share, designed_share, time_to_design_mean).',
        )
        .example('$0 anatomy dpv --designs island,usm', 'how problems end in each design, and how many reach design work')
        .example('$0 anatomy dpv --reps 20 -f csv -o out/fates.csv', 'tidy: one row per design, replication and fate') as never,
    handler: async (args) => {
      const relevant = relevantArg(args.relevant);
      // The model and the experiment code load when the command runs, not at CLI start.
      const { anatomyCsv, anatomyJson, anatomyOf, anatomySection, anatomyText, fateCheckLine } = await import('../anatomy-report.js');
      const { runDesigns } = await import('../design-run.js');
      const { renderHtmlReport } = await import('../html-report.js');
      const { ctx, designs, baseline, records } = await runDesigns(args);
      try {
        const a = anatomyOf(records, designs, baseline);
        const format = args.format as ReportFormat;
        let text: string;
        if (format === 'csv') text = anatomyCsv(records);
        else if (format === 'json') {
          text = toJson({ scenario: ctx.scenario.name, file: args.scenario, designs, baseline, replications: ctx.reps, seed: ctx.seed, horizon_hours: ctx.horizon, warmup_hours: ctx.warmup, relevant, ...anatomyJson(a) });
        } else if (format === 'html') {
          text = renderHtmlReport({
            title: `${ctx.scenario.name}: the anatomy of the loop`,
            subtitle: [`designs ${designs.join(', ')} (baseline ${baseline})`, describeRun(ctx)],
            sections: [anatomySection(a, relevant)],
          });
        } else {
          text = [
            `${ctx.scenario.name}: what became of the problems, ${designs.join(' vs ')} (baseline ${baseline})`,
            describeRun(ctx),
            '',
            anatomyText(a, relevant),
            '',
            fateCheckLine(a),
            ...groupedNotes(relevant, baseline),
          ].join('\n');
        }
        emit(text, args.output);
      } finally {
        await ctx.close();
      }
    },
  };
}
