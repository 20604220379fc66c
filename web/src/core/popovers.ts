/**
 * `<details>` elements that pop over the page (menus, pickers) behave as popovers do: opening one
 * closes the others, and Escape or a click outside closes the open one. Returns the undo.
 */
export function asPopovers(popovers: readonly HTMLDetailsElement[]): () => void {
  const onToggle = (event: Event) => {
    const opened = event.target as HTMLDetailsElement;
    if (!opened.open) return;
    for (const other of popovers) if (other !== opened) other.open = false;
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    const open = popovers.find((popover) => popover.open);
    if (!open) return;
    open.open = false;
    open.querySelector("summary")?.focus();
  };
  const onPointer = (event: PointerEvent) => {
    for (const popover of popovers) if (popover.open && !popover.contains(event.target as Node)) popover.open = false;
  };
  for (const popover of popovers) popover.addEventListener("toggle", onToggle);
  document.addEventListener("keydown", onKey);
  document.addEventListener("pointerdown", onPointer);
  return () => {
    for (const popover of popovers) popover.removeEventListener("toggle", onToggle);
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("pointerdown", onPointer);
  };
}
