import type { Spark } from "@/lib/profile/spark";

const WIDTH = 36;
const HEIGHT = 12;

/** A column's shape in its header, for the eye only: the profile cards say it in words and numbers. */
export function Sparkline({ spark }: { spark: Spark }) {
  const step = WIDTH / spark.bars.length;
  return (
    <span aria-hidden="true" title={spark.says} className="ml-1 inline-flex shrink-0 text-sky-600 dark:text-sky-400">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} focusable="false">
        {spark.bars.map((h, i) => (
          <rect key={i} x={i * step + 0.5} y={HEIGHT - Math.max(1, h * HEIGHT)} width={Math.max(1, step - 1)} height={Math.max(1, h * HEIGHT)} fill="currentColor" />
        ))}
      </svg>
    </span>
  );
}
