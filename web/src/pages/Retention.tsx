/** Retention page (being built). */
import { Empty } from '../components/states';
import { PageHeader } from '../components/ui';

export default function Retention() {
  return (
    <>
      <PageHeader title="Retention" />
      <Empty title="Coming soon" />
    </>
  );
}
