// One Prometheus registry per process (a process is one scrape target: the gateway or
// one subgraph). Metrics are defined once, on first use, and looked up again after that,
// so a module evaluated twice (tests) or two servers in one process never register a
// name twice. Our own registry, not prom-client's global one: a library that registers
// into the global one cannot clash with our names.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type CounterConfiguration, type GaugeConfiguration, type HistogramConfiguration } from "prom-client";

export const metricsRegistry = new Registry();

let processMetrics = false;

/** RSS, heap, event-loop lag, GC, handles (`process_*`, `nodejs_*`); idempotent. */
export function enableProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

export function defineCounter<L extends string>(config: Omit<CounterConfiguration<L>, "registers">): Counter<L> {
  return (metricsRegistry.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter({ ...config, registers: [metricsRegistry] });
}

export function defineHistogram<L extends string>(config: Omit<HistogramConfiguration<L>, "registers">): Histogram<L> {
  return (metricsRegistry.getSingleMetric(config.name) as Histogram<L> | undefined) ?? new Histogram({ ...config, registers: [metricsRegistry] });
}

export function defineGauge<L extends string>(config: Omit<GaugeConfiguration<L>, "registers">): Gauge<L> {
  return (metricsRegistry.getSingleMetric(config.name) as Gauge<L> | undefined) ?? new Gauge({ ...config, registers: [metricsRegistry] });
}

/** Latency buckets for HTTP and subgraph fetches, seconds: 1 ms … 10 s. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
