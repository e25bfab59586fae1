// A user's network in front of a local server: a TCP proxy whose responses share one link of `mbit`
// megabits a second, each new connection paying `latencyMs` first. For timing a first visit over a
// network rather than from localhost (`npm run bench:start -- --mbit 100`).
import net from "node:net";

export async function throttle(target, port, mbit, latencyMs = 20) {
  const bytesPerMs = (mbit * 1e6) / 8 / 1000;
  let credit = 0;
  let last = performance.now();
  const waiting = [];
  const tick = () => {
    const now = performance.now();
    credit = Math.min(bytesPerMs * 20, credit + (now - last) * bytesPerMs);
    last = now;
    while (waiting.length && credit > 0) {
      const next = waiting.shift();
      credit -= next.bytes;
      next.go();
    }
  };
  const timer = setInterval(tick, 5);
  const take = (bytes) => new Promise((go) => waiting.push({ bytes, go }));
  const { hostname, port: targetPort } = new URL(target);
  const server = net.createServer((client) => {
    client.pause();
    setTimeout(() => {
      const upstream = net.connect(Number(targetPort), hostname, () => client.resume());
      client.pipe(upstream);
      upstream.on("data", (chunk) => {
        upstream.pause();
        void take(chunk.length).then(() => client.write(chunk, () => upstream.resume()));
      });
      upstream.on("end", () => client.end());
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
      client.on("close", () => upstream.destroy());
    }, latencyMs);
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => {
      clearInterval(timer);
      server.close();
    },
  };
}
