/**
 * Tabs (and components within a tab) learn that the destination changed
 * through one BroadcastChannel. A BroadcastChannel does not deliver to
 * itself, so local listeners are called directly as well.
 */
const CHANNEL = "stages:datasets";
type Listener = () => void;
const listeners = new Set<Listener>();
let channel: BroadcastChannel | null = null;

function open(): BroadcastChannel {
  if (!channel) {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = () => listeners.forEach((l) => l());
  }
  return channel;
}

export function onDatasetsChanged(listener: Listener): () => void {
  open();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceDatasetsChanged(): void {
  open().postMessage("changed");
  listeners.forEach((l) => l());
}
