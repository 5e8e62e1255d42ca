/** Monitoring page (being built). */
import { Empty } from '../components/states';
import { PageHeader } from '../components/ui';

export default function Monitoring() {
  return (
    <>
      <PageHeader title="Monitoring" />
      <Empty title="Coming soon" />
    </>
  );
}
