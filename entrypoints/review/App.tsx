import { useEffect, useState } from 'preact/hooks';
import { SECTIONS } from './sections';

function currentSection(): string {
  const id = location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return SECTIONS.some((s) => s.id === id) ? id : (SECTIONS[0]?.id ?? '');
}

/** The review page: a full tab for notes, cached articles, the statement ledger and packs. */
export function App() {
  const [active, setActive] = useState(currentSection);
  useEffect(() => {
    const onHash = () => setActive(currentSection());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const section = SECTIONS.find((s) => s.id === active);
  const View = section?.view;
  return (
    <div class="review">
      <header class="review-header">
        <p class="brand">Backstory</p>
        <nav aria-label="Review sections">
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={`#/${s.id}`} aria-current={s.id === active ? 'page' : undefined}>
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main class="review-main">{View && <View />}</main>
    </div>
  );
}
