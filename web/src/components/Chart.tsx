/** One ECharts chart: loads the engine on first use, follows its container's size, and has a text label for screen readers. */
import type { EChartsCoreOption } from 'echarts/core';
import { useEffect, useRef } from 'react';

type Engine = typeof import('./chart-engine');
let engine: Promise<Engine> | null = null;
const loadEngine = () => {
  engine ??= import('./chart-engine');
  return engine;
};

/** A chart of `option`, `height` px tall, described by `label`. */
export function Chart({ option, height = 280, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<Engine['echarts']['init']> | null>(null);
  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    loadEngine().then(({ echarts }) => {
      if (disposed || !el.current) return;
      chart.current = echarts.init(el.current, undefined, { renderer: 'canvas' });
      chart.current.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(el.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [option]);
  return <div ref={el} className="chart" style={{ height }} role="img" aria-label={label} />;
}

/** The palette of the charts (matches the CSS). */
export const palette = { blue: '#2563eb', red: '#dc2626', amber: '#d97706', green: '#16a34a', grey: '#94a3b8', ink: '#0f172a' };
