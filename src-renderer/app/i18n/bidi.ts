/**
 * Text set apart from the sentence around it (U+2068 FIRST STRONG ISOLATE … U+2069 POP
 * DIRECTIONAL ISOLATE), for names and values put into translated sentences: "sales.csv" inside
 * a Persian sentence keeps its own order and does not reorder the words or the «» around it.
 * The string counterpart of <bdi>.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;
