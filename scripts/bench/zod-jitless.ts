import { z } from 'zod';

// Extension pages forbid eval, and zod's schemas decide whether to compile parsers when they are
// created: this must run before any schema module (import it first).
z.config({ jitless: true });
