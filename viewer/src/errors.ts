// The page's error banner: every failure a viewer user can meet (a corrupt or foreign
// trace file, an unreachable URL, a scenario that does not load, a bug) ends up here
// as readable text, so the page is never blank or silently stuck. index.html installs
// a tiny fallback handler before any module loads; this module takes over from it.

export function showError(message: string, title = 'Something went wrong'): void {
  const box = document.getElementById('error');
  if (!box) {
    // The page skeleton itself is missing: fall back to the document body.
    document.body.textContent = `${title}: ${message}`;
    return;
  }
  box.hidden = false;
  box.querySelector('.error-title')!.textContent = title;
  box.querySelector('.error-message')!.textContent = message;
}

export function clearError(): void {
  const box = document.getElementById('error');
  if (box) box.hidden = true;
}

export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

/** Shows uncaught errors and rejections in the page instead of only in the console. */
export function installGlobalHandlers(): void {
  window.addEventListener('error', (e) => {
    showError(e.error ? messageOf(e.error) : e.message || 'unknown error', 'Unexpected error in the viewer');
  });
  window.addEventListener('unhandledrejection', (e) => {
    showError(messageOf(e.reason), 'Unexpected error in the viewer');
  });
  const close = document.querySelector<HTMLButtonElement>('#error .error-close');
  close?.addEventListener('click', clearError);
}
