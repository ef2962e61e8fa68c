import { useMemo } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { buildReviewIndex, type ReviewIndex, readReviewRows } from '@/lib/review/index-data';
import { type Live, useLive } from '@/lib/ui/use-live';

/** Everything the review sections list, kept current as the database changes. */
export function useReviewIndex(): Live<ReviewIndex> {
  const rows = useLive(() => readReviewRows(getDb()), []);
  const index = useMemo(
    () => (rows.status === 'ready' ? buildReviewIndex(rows.value) : null),
    [rows],
  );
  if (rows.status !== 'ready') return rows;
  return { status: 'ready', value: index as ReviewIndex };
}
