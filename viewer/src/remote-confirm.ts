// ?trace=<url> pointing at another site: the viewer asks before fetching it. A link to
// the viewer can be made by anyone, and the file it names decides what the page shows
// (names, figures, a story told to a room); fetching it would also tell that site who
// opened the link. So a trace from elsewhere loads only after the user has seen its
// address, as plain text, and pressed "Load it". Traces on the viewer's own site load
// at once, as before.

/** True if `url`, resolved against the page, is on the page's own origin. */
export function isSameOrigin(url: string, page: string = window.location.href): boolean {
  try {
    const target = new URL(url, page);
    return target.origin === new URL(page).origin;
  } catch {
    return false;
  }
}

/** Shows the confirm banner listing `urls`; resolves true on "Load it", false on "Cancel". */
export function confirmRemote(urls: string[]): Promise<boolean> {
  const box = document.getElementById('remote')!;
  const list = box.querySelector('.remote-urls')!;
  list.replaceChildren(
    ...urls.map((u) => {
      const li = document.createElement('li');
      li.textContent = u;
      return li;
    }),
  );
  box.hidden = false;
  const load = box.querySelector<HTMLButtonElement>('.remote-load')!;
  const cancel = box.querySelector<HTMLButtonElement>('.remote-cancel')!;
  load.focus();
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      box.hidden = true;
      load.removeEventListener('click', yes);
      cancel.removeEventListener('click', no);
      resolve(ok);
    };
    const yes = () => done(true);
    const no = () => done(false);
    load.addEventListener('click', yes);
    cancel.addEventListener('click', no);
  });
}
