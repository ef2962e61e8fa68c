import type { StatementInfo } from '@/lib/db/panel-queries';
import { CopyCitation } from './CopyCitation';

/** The buttons under every statement. Features that act on a statement add theirs here. */
export function StatementActions({ info }: { info: StatementInfo }) {
  return (
    <div class="statement-actions">
      <CopyCitation info={info} />
    </div>
  );
}
