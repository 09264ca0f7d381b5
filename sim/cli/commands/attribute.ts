// `stroom attribute`: where each design's mean lead time goes, part by part, with 95%
// intervals, paired differences against the baseline on common random numbers, and a
// check that the parts add up to the measured mean.

import type { CommandModule } from 'yargs';
import { groupedNotes, relevantArg } from '../compare-table.js';
import { describeRun } from '../context.js';
import { designOptions, withHtml, type DesignArgs, type ReportFormat } from '../design-options.js';
import { toJson } from '../format.js';
import { withCommon } from '../options.js';
import { emit } from '../output.js';

interface AttributeArgs extends DesignArgs {
  relevant?: string;
}

export function attributeCommand(_setExit: (code: number) => void): CommandModule<object, AttributeArgs> {
  return {
    command: 'attribute <scenario>',
    describe: "split each design's mean lead time into its parts (queue, work, key person, escalation and meeting waits, external, rework, handover)",
    builder: (y) =>
      withHtml(designOptions(withCommon(y)))
        .option('relevant', { type: 'string', describe: "smallest difference that matters, as a share of the baseline's mean (0.01) or a percentage (1%); default 1%" })
        .epilog(
          'Every moment of a completed request, from arrival to completion, is booked to one part, so the parts add up to the mean lead time exactly; ' +
            'the last line checks that they do within 1%. CSV columns: design,replication,seed,part,hours,share (share: of that replication\'s mean lead time).',
        )
        .example('$0 attribute dpv --designs island,usm', 'where the hours go in each design, and which parts the USM design shortens')
        .example('$0 attribute dpv --designs island,usm --reps 30 -f csv -o out/parts.csv', 'one row per design, replication and part, for R or pandas')
        .example('$0 attribute middenstad -f html -o out/parts.html', 'a self-contained report with a stacked chart of the parts') as never,
    handler: async (args) => {
      const relevant = relevantArg(args.relevant);
      // The model and the experiment code load when the command runs, not at CLI start.
      const { attribute, attributionCsv, attributionJson, attributionSection, attributionText, checkLine } = await import('../attribution-report.js');
      const { runDesigns } = await import('../design-run.js');
      const { renderHtmlReport } = await import('../html-report.js');
      const run = await runDesigns(args);
      const { ctx, designs, baseline, records } = run;
      try {
        const a = attribute(records, designs, baseline);
        const format = args.format as ReportFormat;
        let text: string;
        if (format === 'csv') text = attributionCsv(records);
        else if (format === 'json') {
          text = toJson({ scenario: ctx.scenario.name, file: args.scenario, designs, baseline, replications: ctx.reps, seed: ctx.seed, horizon_hours: ctx.horizon, warmup_hours: ctx.warmup, relevant, ...attributionJson(a) });
        } else if (format === 'html') {
          text = renderHtmlReport({
            title: `${ctx.scenario.name}: where the lead time goes`,
            subtitle: [`designs ${designs.join(', ')} (baseline ${baseline})`, describeRun(ctx)],
            sections: [attributionSection(a, relevant)],
          });
        } else {
          text = [
            `${ctx.scenario.name}: mean lead time by part, ${designs.join(' vs ')} (baseline ${baseline})`,
            describeRun(ctx),
            '',
            attributionText(a, relevant),
            '',
            checkLine(a),
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
