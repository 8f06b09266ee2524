import type { Stat } from '../utils/acceptance-stats.ts';
import './acceptance.css';

/** Acceptance figures as a description list: the org page header's strip, or an organization card's grid. */
export function AcceptanceFigureList({ stats, variant }: { stats: Stat[]; variant: 'strip' | 'card' }) {
  return (
    <dl className={`acceptance-figures acceptance-${variant}`}>
      {stats.map((stat) => (
        <div key={stat.label} title={stat.hint}>
          <dt>{variant === 'card' ? stat.short : stat.label}</dt>
          <dd className="tabular">{stat.value}</dd>
        </div>
      ))}
    </dl>
  );
}
