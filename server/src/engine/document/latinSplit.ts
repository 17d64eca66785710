// Sentence and word boundaries exactly as parse-latin 7 finds them, without its syntax tree.
// parse-latin builds a node with line/column points for every token and runs its plugins
// through generic tree walkers; the word rules only need where each sentence and each of its
// words start and end. This is the same algorithm, step for step and in the same order, over
// offsets. It covers the characters a Swedish draft is written in (see `covered`); a text with
// any other character is left to parse-latin itself (see sentences.ts), so the result is
// always parse-latin's. test/engine/latinSplit.test.ts compares both on real and generated text.
import { ParseLatin } from 'parse-latin';

export interface SplitWord {
  start: number;
  end: number;
}

export interface SplitSentence {
  start: number;
  end: number;
  words: SplitWord[];
}

const WORD = 1;
const WHITE_SPACE = 2;
const PUNCTUATION = 3;
const SYMBOL = 4;
const SENTENCE = 5;

/** A piece of a word: the text it began with, or a symbol merged into it. */
interface Part {
  start: number;
  end: number;
}

interface Node {
  type: number;
  start: number;
  end: number;
  /** A word's pieces. */
  parts?: Part[];
  /** A sentence's tokens. */
  children?: Node[];
}

/** Characters this splitter handles: Latin letters, Latin-1, general punctuation, €. */
const covered = (code: number): boolean => code < 0x0250 || (code >= 0x2000 && code < 0x2070) || code === 0x20ac;

const classes = new Uint8Array(0x2100);
const reference = new ParseLatin();

/** parse-latin's own class of a character (asked once per character, then kept). */
function classOf(code: number): number {
  let type = classes[code]!;
  if (type === 0) {
    const token = reference.tokenize(String.fromCharCode(code))[0]!;
    type = token.type === 'WordNode' ? WORD : token.type === 'WhiteSpaceNode' ? WHITE_SPACE : token.type === 'PunctuationNode' ? PUNCTUATION : SYMBOL;
    classes[code] = type;
  }
  return type;
}

// parse-latin's expressions (lib/expressions.js), restricted to the covered characters; the
// test checks them against the originals on every covered character.
const terminalMarker = /^[!.?\u2026\u203D]+$/;
const wordSymbolInner = /^(?:[&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/;
const affixSymbol = /^([!"').?\u2019\u201D\u2026\u203A\u203D\u2046\u00BB\]}])\1*$/;
const numerical = /^[\d\u00B2\u00B3\u00B9\u00BC-\u00BE]+$/;
const digitStart = /^\d/;
/** Lowercase letters among the covered characters (parse-latin's lowerInitial there). */
const lowerInitial = /^(?:[a-z\u00B5\u00DF-\u00F6\u00F8-\u00FF]|(?=[\u0100-\u024F])\p{Ll})/u;
const abbreviationPrefix = /^(?:[0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;

/** For the test that checks them against parse-latin's own. */
export const expressions = { terminalMarker, wordSymbolInner, affixSymbol, numerical, digitStart, lowerInitial, covered };

/** Whether `text` is made only of characters this splitter covers. */
export function canSplit(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!covered(text.charCodeAt(i))) return false;
  return true;
}

const isSymbolic = (node: Node): boolean => node.type === SYMBOL || node.type === PUNCTUATION;

/** The sentences of `text` (which canSplit accepts) with their words, as parse-latin splits it. */
export function splitLatin(text: string): SplitSentence[] {
  const value = (node: { start: number; end: number }): string => text.slice(node.start, node.end);
  const tokens = tokenize(text);
  mergeWordSymbols(tokens, value);
  const sentences = paragraphSentences(tokens, value);
  const out: SplitSentence[] = [];
  for (const sentence of sentences) {
    if (sentence.type !== SENTENCE) continue;
    const words: SplitWord[] = [];
    for (const child of sentence.children!) if (child.type === WORD) words.push({ start: child.start, end: child.end });
    out.push({ start: sentence.start, end: sentence.end, words });
  }
  return out;
}

function tokenize(text: string): Node[] {
  const children: Node[] = [];
  let from = 0;
  let previousType = 0;
  let previous = -1;
  const push = (type: number, end: number): void => {
    children.push(type === WORD ? { type, start: from, end, parts: [{ start: from, end }] } : { type, start: from, end });
  };
  for (let index = 0; index < text.length; index++) {
    const current = text.charCodeAt(index);
    const currentType = classOf(current);
    // A run of one class is one token; punctuation and symbols only while the character repeats.
    if (from < index && previousType !== 0 && !(previousType === currentType && (previousType === WORD || previousType === WHITE_SPACE || current === previous))) {
      push(previousType, index);
      from = index;
    }
    previousType = currentType;
    previous = current;
  }
  if (previousType !== 0 && from < text.length) push(previousType, text.length);
  return children;
}

/** parse-latin's sentence plugins (they run once, over all tokens of the text). */
function mergeWordSymbols(children: Node[], value: (n: { start: number; end: number }) => string): void {
  // mergeInitialWordSymbol: "&" before a word joins it.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (!isSymbolic(child) || value(child) !== '&') continue;
    const next = children[index + 1];
    if ((index > 0 && children[index - 1]!.type === WORD) || !(next && next.type === WORD)) continue;
    children.splice(index, 1);
    next.parts!.unshift(child);
    next.start = child.start;
    // Visit the token before again (parse-latin's walker goes on at index - 1, at least 0).
    index = Math.max(index - 1, 0) - 1;
  }
  // mergeFinalWordSymbol: a trailing "-" joins the word before it.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (index > 0 && isSymbolic(child) && value(child) === '-') {
      const previous = children[index - 1];
      const next = children[index + 1];
      if ((!next || next.type !== WORD) && previous && previous.type === WORD) {
        children.splice(index, 1);
        previous.parts!.push(child);
        previous.end = child.end;
        index--;
      }
    }
  }
  // mergeInnerWordSymbol: "a-b", "t.ex", "o'clock": symbols between words make one word.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (index > 0 && isSymbolic(child)) {
      const previous = children[index - 1];
      if (previous && previous.type === WORD) {
        let position = index - 1;
        const parts: Part[] = [];
        let queue: Part[] = [];
        while (children[++position]) {
          const sibling = children[position]!;
          if (sibling.type === WORD) {
            parts.push(...queue, ...sibling.parts!);
            queue = [];
          } else if (isSymbolic(sibling) && wordSymbolInner.test(value(sibling))) queue.push(sibling);
          else break;
        }
        if (parts.length > 0) {
          if (queue.length > 0) position -= queue.length;
          children.splice(index, position - index);
          previous.parts!.push(...parts);
          previous.end = parts[parts.length - 1]!.end;
          index--;
        }
      }
    }
  }
  // mergeInnerWordSlash: "km/h", "och/eller" only when both sides are short.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const previous = children[index - 1];
    if (previous && previous.type === WORD && isSymbolic(child) && value(child) === '/') {
      const previousValue = value(previous);
      let tail: Part = child;
      const queue: Part[] = [child];
      let count = 1;
      let nextValue = '';
      const next = children[index + 1];
      if (next && next.type === WORD) {
        nextValue = value(next);
        tail = next;
        queue.push(...next.parts!);
        count++;
      }
      if (previousValue.length < 3 && (!nextValue || nextValue.length < 3)) {
        previous.parts!.push(...queue);
        children.splice(index, count);
        previous.end = tail.end;
        index--;
      }
    }
  }
  // mergeInitialisms: "E.U" + "." when the letters between periods are single characters.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (index > 0 && child.type === PUNCTUATION && value(child) === '.') {
      const previous = children[index - 1]!;
      const parts = previous.parts;
      if (previous.type === WORD && parts && parts.length !== 1 && parts.length % 2 !== 0) {
        let position = parts.length;
        let isAllDigits = true;
        let skip = false;
        while (parts[--position]) {
          const part = value(parts[position]!);
          if (position % 2 === 0) {
            if (part.length > 1) {
              skip = true;
              break;
            }
            if (!numerical.test(part)) isAllDigits = false;
          } else if (part !== '.') {
            if (position < parts.length - 2) break;
            skip = true;
            break;
          }
        }
        if (!skip && !isAllDigits) {
          children.splice(index, 1);
          parts.push(child);
          previous.end = child.end;
          index--;
        }
      }
    }
  }
}

/** Sentences at terminal marks, then parse-latin's paragraph plugins, in their order. */
function paragraphSentences(tokens: Node[], value: (n: { start: number; end: number }) => string): Node[] {
  const children: Node[] = [];
  let first = 0;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (index === tokens.length - 1 || (token.type === PUNCTUATION && terminalMarker.test(value(token)))) {
      children.push({ type: SENTENCE, start: tokens[first]!.start, end: token.end, children: tokens.slice(first, index + 1) });
      first = index + 1;
    }
  }
  const hasChildren = (node: Node | undefined): node is Node & { children: Node[] } => node !== undefined && node.children !== undefined;

  // mergeNonWordSentences: a sentence without words joins the one before (or after) it.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (!hasChildren(child) || child.children.some((c) => c.type === WORD)) continue;
    const previous = children[index - 1];
    if (hasChildren(previous)) {
      previous.children.push(...child.children);
      children.splice(index, 1);
      previous.end = child.end;
      index--;
      continue;
    }
    const next = children[index + 1];
    if (hasChildren(next)) {
      next.children.unshift(...child.children);
      next.start = child.start;
      children.splice(index, 1);
    }
  }
  // mergeAffixSymbol: a closing quote or bracket after the terminal mark ends the sentence before.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (hasChildren(child) && child.children.length > 0 && index > 0) {
      const previous = children[index - 1];
      const head = child.children[0]!;
      const second = child.children[1];
      if (previous && previous.type === SENTENCE && isSymbolic(head) && affixSymbol.test(value(head))) {
        child.children.shift();
        previous.children!.push(head);
        previous.end = head.end;
        if (second) child.start = second.start;
        index = index - 1 - 1;
      }
    }
  }
  // mergeInitialLowerCaseLetterSentences: "… bl.a. kommunen" goes on.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== SENTENCE || index === 0) continue;
    const previous = children[index - 1]!;
    const own = child.children!;
    if (own.length === 0 || previous.type !== SENTENCE) continue;
    for (const node of own) {
      if (node.type === WORD) {
        if (lowerInitial.test(value(node))) {
          previous.children!.push(...own);
          children.splice(index, 1);
          previous.end = child.end;
          index--;
        }
        break;
      }
      if (isSymbolic(node)) break;
    }
  }
  // mergeInitialDigitSentences: "… 1. 2 …" goes on.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const previous = children[index - 1];
    if (previous && previous.type === SENTENCE && child.type === SENTENCE) {
      const head = child.children![0];
      if (head && head.type === WORD && digitStart.test(value(head))) {
        previous.children!.push(...child.children!);
        children.splice(index, 1);
        previous.end = child.end;
        index--;
      }
    }
  }
  // mergePrefixExceptions: "ca." and single letters are no sentence end.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (!hasChildren(child) || child.children.length <= 1) continue;
    const period = child.children[child.children.length - 1]!;
    if (!isSymbolic(period) || value(period) !== '.') continue;
    const node = child.children[child.children.length - 2]!;
    if (node.type !== WORD || !abbreviationPrefix.test(value(node).toLowerCase())) continue;
    node.parts!.push(period);
    child.children.pop();
    node.end = period.end;
    const next = children[index + 1];
    if (next && next.type === SENTENCE) {
      child.children.push(...next.children!);
      children.splice(index + 1, 1);
      child.end = next.end;
      index = Math.max(index - 1, 0) - 1;
    }
  }
  // mergeAffixExceptions: a sentence that begins with "," or ";" goes on.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    const previous = children[index - 1];
    if (!hasChildren(previous) || !hasChildren(child) || child.children.length === 0) continue;
    for (const node of child.children) {
      if (node.type === WORD) break;
      if (isSymbolic(node)) {
        const mark = value(node);
        if (mark === ',' || mark === ';') {
          previous.children.push(...child.children);
          previous.end = child.end;
          children.splice(index, 1);
          index--;
        }
        break;
      }
    }
  }
  // mergeRemainingFullStops: periods inside a sentence join a word.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (!hasChildren(child)) continue;
    const own = child.children;
    let position = own.length;
    let hasFoundDelimiter = false;
    while (own[--position]) {
      const grandchild = own[position]!;
      if (!isSymbolic(grandchild)) {
        if (grandchild.type === WORD) hasFoundDelimiter = true;
        continue;
      }
      const mark = value(grandchild);
      if (!terminalMarker.test(mark)) continue;
      if (!hasFoundDelimiter) {
        hasFoundDelimiter = true;
        continue;
      }
      if (mark !== '.') continue;
      const previous = own[position - 1];
      const next = own[position + 1];
      if (previous && previous.type === WORD) {
        const nextNext = own[position + 2];
        if (next && nextNext && next.type === WHITE_SPACE && value(nextNext) === '.') continue;
        own.splice(position, 1);
        previous.parts!.push(grandchild);
        previous.end = grandchild.end;
        position--;
      } else if (next && next.type === WORD) {
        own.splice(position, 1);
        next.parts!.unshift(grandchild);
        next.start = grandchild.start;
      }
    }
  }
  // makeInitialWhiteSpaceSiblings
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (!hasChildren(child)) continue;
    const head = child.children[0];
    if (head && head.type === WHITE_SPACE) {
      child.children.shift();
      children.splice(index, 0, head);
      const next = child.children[0];
      if (next) child.start = next.start;
    }
  }
  // makeFinalWhiteSpaceSiblings
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (!hasChildren(child)) continue;
    const tail = child.children[child.children.length - 1];
    if (tail && tail.type === WHITE_SPACE) {
      child.children.pop();
      children.splice(index + 1, 0, tail);
      const previous = child.children[child.children.length - 1];
      if (previous) child.end = previous.end;
      index--;
    }
  }
  // breakImplicitSentences: a blank line inside a sentence ends it.
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type !== SENTENCE) continue;
    const own = child.children!;
    for (let position = 1; position < own.length - 1; position++) {
      const node = own[position]!;
      if (node.type !== WHITE_SPACE || value(node).split(/\r\n|\r|\n/).length < 3) continue;
      child.children = own.slice(0, position);
      const tail = own[position - 1]!;
      const head = own[position + 1]!;
      const insertion: Node = { type: SENTENCE, start: head.start, end: child.end, children: own.slice(position + 1) };
      children.splice(index + 1, 0, node, insertion);
      child.end = tail.end;
      index = index + 1 - 1;
      break;
    }
  }
  // removeEmptyNodes
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (hasChildren(child) && child.children.length === 0) {
      children.splice(index, 1);
      index--;
    }
  }
  return children;
}
