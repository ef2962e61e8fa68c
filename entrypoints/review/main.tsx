import { render } from 'preact';
import { requestPersistentStorage } from '@/lib/db/storage';
import { App } from './App';

// The cache holds the reader's notes: ask the browser not to evict it (only asks while the
// storage is not persistent yet).
void requestPersistentStorage();

const root = document.getElementById('app');
if (root) render(<App />, root);
