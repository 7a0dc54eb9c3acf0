/** The month at a glance: bar charts (Chart.js, bundled), each with its numbers as a table for screen readers. */
import { BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';

Chart.register(CategoryScale, LinearScale, BarElement, Tooltip);

export function BarChart({
  title,
  counts,
  testId,
  horizontal = false,
}: {
  title: string;
  counts: Array<[string, number]>;
  testId: string;
  horizontal?: boolean;
}) {
  const data = {
    labels: counts.map(([label]) => label),
    datasets: [{ label: title, data: counts.map(([, n]) => n), backgroundColor: '#1f5fa8' }],
  };
  const options = {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: { legend: { display: false } },
    scales: { x: { ticks: { color: '#1a1a1a' } }, y: { ticks: { color: '#1a1a1a', precision: 0 } } },
  };
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div className="chart-canvas">
        <Bar data={data} options={options} role="img" aria-label={`${title}: ${counts.map(([l, n]) => `${l} ${n}`).join(', ')}`} />
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {counts.map(([label, n]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
