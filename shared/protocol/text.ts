// What people type that others read: names and chat. The text stays inert (never HTML); here go
// the characters that let one person pass for another or hide what a line says: controls,
// bidirectional overrides and isolates, and zero-width characters.

/** C0/C1 controls except tab and newline; bidi embeddings, overrides and isolates; zero-width characters and the BOM. */
const HIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Chat and other multi-line text: hidden characters removed, newlines and tabs kept, trimmed. */
export const cleanText = (raw: string): string => raw.replace(HIDDEN, '').trim();

/** A person's name: hidden characters removed, one line, runs of white space made one space. */
export const cleanName = (raw: string): string => raw.replace(HIDDEN, '').replace(/\s+/g, ' ').trim();

/** Two names that read the same: compared as `sameName(a) === sameName(b)` (case and width folded). */
export const sameName = (name: string): string => cleanName(name).normalize('NFKC').toLocaleLowerCase('en');
