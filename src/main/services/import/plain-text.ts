import { isAllCaps } from './document';
import type { Block } from './types';

const MAX_HEADING_LENGTH = 80;
const MAX_NUMBERED_HEADING_WORDS = 8;
// A symbol bullet is layout: it is taken out of the text and kept as the item's marker. An
// enumerator such as "a)" or "2." is part of what the author wrote (and is how items get
// cited), so it stays in the text.
const SYMBOL_BULLET = /^([-*+•‣◦▪–])\s+/u;
const LIST_ITEM = /^(?:[-*+•‣◦▪–]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)])\s+\S/iu;
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+\p{Lu}/u;

// Transcripts. A turn opens a line with its speaker's label and a colon ("I:", "Rina:",
// "Participant 3:"), optionally with a timestamp before or after the label ("[00:12:31] Rina:",
// "Rina [00:12:31]:", "Rina: (12:31)"); a line may also open with a timestamp alone, or name its
// speaker and time and nothing else ("Rina Wijaya  0:03", as transcription services write it).
const TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?`;
const BRACKETED_TIME = String.raw`[[(](${TIME})[\])]`;
const LABEL = String.raw`(\p{Lu}[\p{L}\p{M}\p{N}'’.-]*(?: (?:\p{Lu}[\p{L}\p{M}\p{N}'’.-]*|\d{1,3})){0,3})`;
const LABELLED_TURN = new RegExp(
  String.raw`^(?:(?:${BRACKETED_TIME}|(${TIME}))\s+)?${LABEL}(?:\s+${BRACKETED_TIME})?\s*:(?=\s|$)\s*(?:${BRACKETED_TIME})?`,
  'u',
);
const SPEAKER_AND_TIME = new RegExp(String.raw`^${LABEL}\s+(?:${BRACKETED_TIME}|(${TIME}))$`, 'u');
const TIMED_LINE = new RegExp(String.raw`^${BRACKETED_TIME}(?=\s|$)`, 'u');
const MAX_LABEL_LENGTH = 40;
/** Words that open labels of ordinary prose ("Note:", "Step 2:") far more often than they name a speaker. */
const NOT_SPEAKERS = new Set(['Note', 'Notes', 'Source', 'Sources', 'Table', 'Figure', 'Fig.', 'Abstract', 'Keywords', 'Summary', 'Example', 'Date', 'Time', 'Subject', 'Re', 'Aim', 'Aims', 'Objective', 'Question', 'Answer', 'Step', 'Tip', 'Warning', 'Location', 'Place']);

const isSpeaker = (label: string): boolean => label.length <= MAX_LABEL_LENGTH && !NOT_SPEAKERS.has(label.split(' ')[0]!);

interface TurnStart {
  speaker?: string;
  timestamp?: string;
  /** True when the line holds nothing but the speaker and time, its words following on the next lines. */
  alone: boolean;
}

/** The turn a line of a transcript opens, or undefined when it continues the turn before. */
function turnStart(line: string): TurnStart | undefined {
  const labelled = LABELLED_TURN.exec(line);
  if (labelled) {
    const [all, before, bareBefore, speaker, after, inWords] = labelled;
    if (speaker && isSpeaker(speaker)) {
      return { speaker, timestamp: before ?? bareBefore ?? after ?? inWords, alone: all.length === line.length };
    }
  }
  const named = SPEAKER_AND_TIME.exec(line);
  if (named?.[1] && isSpeaker(named[1])) return { speaker: named[1], timestamp: named[2] ?? named[3], alone: true };
  const timed = TIMED_LINE.exec(line);
  if (timed) return { timestamp: timed[1], alone: timed[0].length === line.length };
  return undefined;
}

/**
 * Whether the text is a transcript: at least two lines open a turn; a speaker (or the clock)
 * recurs, or turns open most lines; and turns open at least half of the paragraphs that are
 * not headings. A report quoting someone once, or a paper with "Note:" under two tables, stays prose.
 */
function isTranscript(chunks: readonly string[][]): boolean {
  const lines = chunks.flat();
  const starts = lines.map(turnStart).filter((t): t is TurnStart => t !== undefined);
  if (starts.length < 2) return false;
  const bySpeaker = new Map<string, number>();
  for (const start of starts) if (start.speaker) bySpeaker.set(start.speaker, (bySpeaker.get(start.speaker) ?? 0) + 1);
  const recurs = [...bySpeaker.values()].some((n) => n >= 2) || starts.filter((s) => s.timestamp).length >= 2 || starts.length * 3 >= lines.length * 2;
  const prose = chunks.filter((lines) => !(lines.length === 1 && headingLevel(lines[0]!) !== undefined));
  const withTurns = prose.filter((lines) => lines.some((line) => turnStart(line) !== undefined));
  return recurs && withTurns.length * 2 >= prose.length;
}

/**
 * Heading depth for a line that stands alone, or undefined. Deliberately conservative: a
 * missed heading still reads as a paragraph, a false one breaks up the author's text.
 */
function headingLevel(line: string): number | undefined {
  if (line.length > MAX_HEADING_LENGTH || /[.,;!?]$/.test(line)) return undefined;
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered?.[1] && line.split(/\s+/).length <= MAX_NUMBERED_HEADING_WORDS) return numbered[1].split('.').length;
  return isAllCaps(line) ? 1 : undefined;
}

/** Splits a block's lines into list items when at least two lines start one; an item's wrapped lines stay lines of it. */
function listItems(lines: readonly string[]): Block[] | undefined {
  if (lines.filter((line) => LIST_ITEM.test(line)).length < 2) return undefined;
  const items: Block[] = [];
  for (const line of lines) {
    const last = items.at(-1);
    if (last && !LIST_ITEM.test(line)) {
      last.text += `\n${line}`;
      continue;
    }
    const bullet = SYMBOL_BULLET.exec(line);
    if (!LIST_ITEM.test(line)) items.push({ kind: 'paragraph', level: 0, text: line });
    else if (bullet) items.push({ kind: 'list-item', level: 1, marker: '•', text: line.slice(bullet[0].length) });
    else items.push({ kind: 'list-item', level: 1, text: line });
  }
  return items;
}

/** A paragraph of prose: a heading, a heading above its paragraph, list items, or lines kept as written. */
function proseBlocks(lines: readonly string[]): Block[] {
  const first = lines[0]!;
  const level = lines.length === 1 ? headingLevel(first) : undefined;
  if (level !== undefined) return [{ kind: 'heading', level, text: first }];
  // "METHOD" directly above its first paragraph, with no blank line between them.
  const headed = lines.length > 1 && isAllCaps(first) && headingLevel(first) !== undefined && !lines.slice(1).every(isAllCaps);
  const body = headed ? lines.slice(1) : lines;
  return [...(headed ? [{ kind: 'heading', level: 1, text: first } as const] : []), ...(listItems(body) ?? [{ kind: 'paragraph', level: 0, text: body.join('\n') } as const])];
}

/**
 * A transcript's turns: each runs from the line that opens it to the next one, over blank
 * lines (an answer of several paragraphs is one turn). A timestamp alone on its line opens the
 * turn of the speaker named on the line after it. Lines before the first turn, and headings
 * standing alone, are prose.
 */
function transcriptBlocks(chunks: readonly string[][]): Block[] {
  const blocks: Block[] = [];
  let turn: Block | undefined;
  /** The current turn holds only its opening line's timestamp, waiting for its speaker. */
  let awaitingSpeaker = false;
  for (const lines of chunks) {
    if (lines.length === 1 && headingLevel(lines[0]!) !== undefined && turnStart(lines[0]!) === undefined) {
      blocks.push({ kind: 'heading', level: headingLevel(lines[0]!)!, text: lines[0]! });
      turn = undefined;
      continue;
    }
    // Lines before the chunk's first turn, when no turn is open: prose, such as a preamble.
    const prose: string[] = [];
    for (const line of lines) {
      const start = turnStart(line);
      if (start && turn && awaitingSpeaker && start.speaker) {
        turn.text += `\n${line}`;
        turn.speaker = start.speaker;
        turn.timestamp ??= start.timestamp;
        awaitingSpeaker = false;
      } else if (start) {
        if (prose.length) blocks.push(...proseBlocks(prose.splice(0)));
        turn = { kind: 'turn', level: 0, text: line, ...(start.speaker ? { speaker: start.speaker } : {}), ...(start.timestamp ? { timestamp: start.timestamp } : {}) };
        awaitingSpeaker = start.alone && !start.speaker;
        blocks.push(turn);
      } else if (turn) {
        turn.text += `\n${line}`;
        awaitingSpeaker = false;
      } else {
        prose.push(line);
      }
    }
    if (prose.length) blocks.push(...proseBlocks(prose));
  }
  return blocks;
}

/**
 * Paragraphs are separated by blank lines; every line break inside one is kept, so a poem, an
 * address or a transcript reads as it was written. A transcript is divided into turns.
 */
export function plainTextToBlocks(text: string): Block[] {
  const chunks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
  if (isTranscript(chunks)) return transcriptBlocks(chunks);
  return chunks.flatMap(proseBlocks);
}
