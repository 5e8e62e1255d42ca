/** Analytics page (being built). */
import { Empty } from '../components/states';
import { PageHeader } from '../components/ui';

export default function Analytics() {
  return (
    <>
      <PageHeader title="Analytics" />
      <Empty title="Coming soon" />
    </>
  );
}
