/**
 * Pointer moves, at most one per animation frame, and the last of the frame: hit-testing every
 * move would cost the page, and using the frame's first move instead would test where the pointer
 * no longer is (a pointer that crossed a highlight and left it within one frame would open that
 * highlight's card, and with no later move nothing would close it).
 */
export function latestPerFrame(
  run: (x: number, y: number) => void,
  frame: (callback: () => void) => unknown = (callback) => requestAnimationFrame(callback),
): (x: number, y: number) => void {
  let pending = false;
  let lastX = 0;
  let lastY = 0;
  return (x, y) => {
    lastX = x;
    lastY = y;
    if (pending) return;
    pending = true;
    frame(() => {
      pending = false;
      run(lastX, lastY);
    });
  };
}
