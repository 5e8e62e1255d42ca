/** Small building blocks: page header, card, KPI tile, help text. */
import type { ReactNode } from 'react';

/** Page title with a one-paragraph explanation for non-specialists. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children && <p className="lead">{children}</p>}
    </header>
  );
}

/** A titled panel. */
export function Card({ title, help, children, wide }: { title: string; help?: ReactNode; children: ReactNode; wide?: boolean }) {
  return (
    <section className={wide ? 'card wide' : 'card'} aria-label={title}>
      <h2>{title}</h2>
      {help && <p className="help">{help}</p>}
      {children}
    </section>
  );
}

/** One headline number with its label and a short explanation. */
export function Stat({ label, value, hint, tone }: { label: string; value: string; hint?: string; tone?: 'bad' | 'good' }) {
  return (
    <div className={`stat ${tone ?? ''}`}>
      <div className="stat-label">{label}</div>
      <div className="stat-value" data-testid={`stat-${label}`}>
        {value}
      </div>
      {hint && <div className="stat-hint">{hint}</div>}
    </div>
  );
}

/** A coloured pill for a risk bucket. */
export function Bucket({ name }: { name: string }) {
  return <span className={`bucket bucket-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`}>{name}</span>;
}
