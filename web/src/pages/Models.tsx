/** Models page (being built). */
import { Empty } from '../components/states';
import { PageHeader } from '../components/ui';

export default function Models() {
  return (
    <>
      <PageHeader title="Models" />
      <Empty title="Coming soon" />
    </>
  );
}
