/**
 * Elements whose text does not fit (runs in the page): clipped by their own box (other than an
 * intended ellipsis), or sticking out of `root` sideways. Each as `tag.class “text”`.
 */
export function clippedElements(root: Element): string[] {
  const bounds = root.getBoundingClientRect();
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll('*'))) {
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.textOverflow === 'ellipsis') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const clipped = /hidden|clip/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    const outside = box.left < bounds.left - 1 || box.right > bounds.right + 1;
    if (clipped || outside) {
      const text = (el.textContent ?? '').trim().slice(0, 40);
      out.push(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} “${text}”`);
    }
  }
  return out;
}
