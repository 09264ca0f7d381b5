// Keyboard control, for a trainer standing at a projector: space play/pause, ←/→ a week
// back or forward, ,/. a day, Home/End start and end, L the legend, +/- speed, T trainer mode (large type), S side by side, F follow an
// escalation on screen now (F again closes), N/P next/previous step of the story,
// Esc closes the story. Keys typed into form fields are left alone.

export interface KeyActions {
  togglePlay(): void;
  stepWeeks(n: number): void;
  stepDays(n: number): void;
  toStart(): void;
  toEnd(): void;
  toggleLegend(): void;
  faster(): void;
  slower(): void;
  toggleTrainer(): void;
  toggleSideBySide(): void;
  toggleFollow(): void;
  followStep(dir: 1 | -1): void;
  closeFollow(): void;
}

export const KEY_HELP = 'Space play/pause · ←/→ week · ,/. day · Home/End start/end · +/− speed · L legend · T trainer mode · S side by side · F follow an escalation · N/P next/previous step · Esc close';

export function installKeyboard(actions: KeyActions): void {
  window.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target as HTMLElement | null;
    const tag = target?.tagName;
    const typing = tag === 'INPUT' && (target as HTMLInputElement).type !== 'range' ? true : tag === 'TEXTAREA' || tag === 'SELECT';
    if (typing) return;
    let handled = true;
    switch (e.key) {
      case ' ':
      case 'Spacebar':
        actions.togglePlay();
        break;
      case 'ArrowRight':
        actions.stepWeeks(1);
        break;
      case 'ArrowLeft':
        actions.stepWeeks(-1);
        break;
      case ',':
        actions.stepDays(-1);
        break;
      case '.':
        actions.stepDays(1);
        break;
      case 'Home':
        actions.toStart();
        break;
      case 'End':
        actions.toEnd();
        break;
      case 'l':
      case 'L':
        actions.toggleLegend();
        break;
      case '+':
      case '=':
        actions.faster();
        break;
      case '-':
      case '_':
        actions.slower();
        break;
      case 't':
      case 'T':
        actions.toggleTrainer();
        break;
      case 's':
      case 'S':
        actions.toggleSideBySide();
        break;
      case 'f':
      case 'F':
        actions.toggleFollow();
        break;
      case 'n':
      case 'N':
        actions.followStep(1);
        break;
      case 'p':
      case 'P':
        actions.followStep(-1);
        break;
      case 'Escape':
        actions.closeFollow();
        break;
      default:
        handled = false;
    }
    // Space on a focused button would click it too; arrows would move the scrubber twice.
    if (handled) e.preventDefault();
  });
}
