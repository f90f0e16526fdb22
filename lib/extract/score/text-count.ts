/**
 * Characters and commas of one text node, counted as a reader's text would be after collapsing runs of
 * whitespace: the unit every figure of the body chooser is made of, read once per text node.
 */
export interface TextCount {
  chars: number;
  commas: number;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b);
}

/** Commas of the scripts a story may be written in (Latin, Arabic, CJK full-width, small forms). */
function isComma(code: number): boolean {
  return code === 0x2c || code === 0x60c || code === 0xff0c || code === 0xfe50 || code === 0xfe10 || code === 0xfe11 ||
    code === 0x3001 || code === 0x2e41 || code === 0x2e34 || code === 0x2e32;
}

export function countText(data: string): TextCount {
  let chars = 0;
  let commas = 0;
  let space = false;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    if (isSpace(code)) {
      space = chars > 0;
      continue;
    }
    chars += space ? 2 : 1;
    space = false;
    if (isComma(code)) commas++;
  }
  return { chars, commas };
}

/** Adds one text node's characters and commas to `into`; returns what it added. */
export function addText(into: TextCount, data: string): TextCount {
  const counted = countText(data);
  into.chars += counted.chars;
  into.commas += counted.commas;
  return counted;
}
