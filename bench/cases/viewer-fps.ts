// Bench case: the viewer's frame rate replaying two DPV-size year traces (island and
// usm) side by side at ×64 in headless Chromium (see ../viewer-fps.ts, which also runs
// on its own).
// Reports frames per second and the 95th percentile frame time; the goal of >= 50 fps is
// a derived figure (cases/index.ts: viewer_fps_goal), so a slow machine is reported
// against the goal, not as a failed measurement.

import { Unavailable, type CaseContext, type CaseOutput } from '../lib/types.js';
import { measureViewerFps } from '../viewer-fps.js';
import { chromiumAvailable } from '../../test/viewer/helpers/harness.js';

export async function run(ctx: CaseContext): Promise<CaseOutput> {
  if (!chromiumAvailable()) throw new Unavailable('Chromium not found: apt-get install chromium');
  const r = await measureViewerFps(Math.max(1, 5 * ctx.scale), true, 64);
  return {
    figures: { viewer_fps: r.fps, viewer_frame_p95_ms: r.p95FrameMs },
    info: {
      trace: r.source,
      trace_mb: r.traceMB.toFixed(1),
      events: String(r.events),
      persons: String(r.persons),
      max_frame_ms: r.maxFrameMs.toFixed(1),
    },
  };
}
