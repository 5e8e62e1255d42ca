/** Batch page (being built). */
import { Empty } from '../components/states';
import { PageHeader } from '../components/ui';

export default function Batch() {
  return (
    <>
      <PageHeader title="Batch" />
      <Empty title="Coming soon" />
    </>
  );
}
