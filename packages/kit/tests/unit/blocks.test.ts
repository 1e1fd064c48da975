import fc from 'fast-check';
import {
  actions,
  type Block,
  button,
  confirmDialog,
  context,
  divider,
  ephemeral,
  escapeText,
  fields,
  header,
  LIMITS,
  message,
  section,
  truncate,
} from '../../src/slack/blocks.js';

const textOf = (block: Block): string => {
  if (block.type === 'header' || block.type === 'section') return block.text?.text ?? '';
  throw new Error(`block ${block.type} has no text`);
};

describe('blocks', () => {
  describe('truncate()', () => {
    it('returns the text unchanged when it fits', () => {
      // Act
      const exact = truncate('abcde', 5);
      const shorter = truncate('abc', 5);

      // Assess
      expect(exact).toBe('abcde');
      expect(shorter).toBe('abc');
    });

    it('cuts to the limit and ends with an ellipsis when the text is too long', () => {
      // Act
      const cut = truncate('abcdef', 5);

      // Assess
      expect(cut).toBe('abcd…');
      expect(cut).toHaveLength(5);
    });

    it.each([
      [1, 'a'],
      [0, ''],
    ])('cuts without an ellipsis when the limit is %i', (max, expected) => {
      // Act
      const cut = truncate('abcdef', max);

      // Assess
      expect(cut).toBe(expected);
    });

    it('never exceeds the limit and keeps a prefix of the text for any text and limit', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 2, max: 200 }), (text, max) => {
          // Act
          const cut = truncate(text, max);

          // Assess
          expect(cut.length).toBeLessThanOrEqual(max);
          if (text.length <= max) expect(cut).toBe(text);
          else expect(cut).toBe(`${text.slice(0, max - 1)}…`);
        }),
      );
    });
  });

  describe('escapeText()', () => {
    it('escapes &, < and > so user text cannot mention, link or format', () => {
      // Act
      const escaped = escapeText('<!channel> & <https://evil.example|click> a>b');

      // Assess
      expect(escaped).toBe('&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; a&gt;b');
    });

    it('escapes the ampersand first so an escaped entity is not escaped twice by itself', () => {
      // Act
      const escaped = escapeText('&lt;');

      // Assess
      expect(escaped).toBe('&amp;lt;');
    });

    it('leaves no raw < or > and changes nothing else for any text', () => {
      fc.assert(
        fc.property(fc.string(), (text) => {
          // Act
          const escaped = escapeText(text);

          // Assess
          expect(escaped).not.toMatch(/[<>]/);
          expect(escaped.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(text);
        }),
      );
    });
  });

  describe('header()', () => {
    it('makes a plain_text header within 150 characters when the text is longer', () => {
      // Act
      const block = header('h'.repeat(200));

      // Assess
      expect(LIMITS.headerText).toBe(150);
      expect(block).toEqual({
        type: 'header',
        text: { type: 'plain_text', text: `${'h'.repeat(149)}…`, emoji: true },
      });
    });

    it('keeps a header of exactly 150 characters and puts a space in an empty one', () => {
      // Act
      const full = header('h'.repeat(150));
      const empty = header('');

      // Assess
      expect(textOf(full)).toBe('h'.repeat(150));
      expect(textOf(empty)).toBe(' ');
    });
  });

  describe('section()', () => {
    it('makes a mrkdwn section within 3000 characters when the text is longer', () => {
      // Act
      const long = section('s'.repeat(3001));
      const exact = section('s'.repeat(3000));

      // Assess
      expect(long).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `${'s'.repeat(2999)}…` } });
      expect(textOf(exact)).toBe('s'.repeat(3000));
    });

    it('adds the accessory button when one is given', () => {
      // Prepare
      const accessory = button({ text: 'Logs', actionId: 'ecs:logs' });

      // Act
      const block = section('*api*', accessory);

      // Assess
      expect(block).toEqual({ type: 'section', text: { type: 'mrkdwn', text: '*api*' }, accessory });
    });
  });

  describe('fields()', () => {
    it('keeps at most 10 fields of at most 2000 characters each', () => {
      // Prepare
      const items = Array.from({ length: 12 }, (_, i) => `${i}`.padEnd(2500, 'x'));

      // Act
      const block = fields(items);

      // Assess
      if (block.type !== 'section' || !block.fields) throw new Error('expected a section with fields');
      expect(block.fields).toHaveLength(10);
      expect(block.fields.map((f) => f.text.length)).toEqual(Array(10).fill(2000));
      expect(block.fields[9]?.text.startsWith('9')).toBe(true);
      expect(block.fields.every((f) => f.type === 'mrkdwn' && f.text.endsWith('…'))).toBe(true);
    });

    it('puts a space in an empty field so Slack accepts it', () => {
      // Act
      const block = fields(['*Status*', '']);

      // Assess
      expect(block).toEqual({
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Status*' },
          { type: 'mrkdwn', text: ' ' },
        ],
      });
    });
  });

  describe('context()', () => {
    it('keeps at most 10 elements', () => {
      // Act
      const block = context(Array.from({ length: 11 }, (_, i) => `e${i}`));

      // Assess
      if (block.type !== 'context') throw new Error('expected a context block');
      expect(block.elements.map((e) => e.text)).toEqual(Array.from({ length: 10 }, (_, i) => `e${i}`));
    });
  });

  describe('divider()', () => {
    it('makes a divider block', () => {
      // Act
      const block = divider();

      // Assess
      expect(block).toEqual({ type: 'divider' });
    });
  });

  describe('button()', () => {
    it('truncates the text to 75 characters and keeps a value of exactly 2000', () => {
      // Act
      const element = button({
        text: 'b'.repeat(80),
        actionId: 'ecs:restart',
        value: 'v'.repeat(2000),
        style: 'danger',
      });

      // Assess
      expect(element.text).toEqual({ type: 'plain_text', text: `${'b'.repeat(74)}…`, emoji: true });
      expect(element.value).toHaveLength(2000);
      expect(element.style).toBe('danger');
      expect(element.action_id).toBe('ecs:restart');
    });

    it('throws a RangeError when the value is longer than 2000 characters', () => {
      // Act
      const build = () => button({ text: 'Go', actionId: 'ecs:go', value: 'v'.repeat(2001) });

      // Assess
      expect(build).toThrow(RangeError);
      expect(build).toThrow('button value longer than 2000 characters');
    });

    it('throws a RangeError when the action_id is longer than 255 characters and accepts 255', () => {
      // Act
      const build = () => button({ text: 'Go', actionId: 'a'.repeat(256) });
      const atLimit = button({ text: 'Go', actionId: 'a'.repeat(255) });

      // Assess
      expect(build).toThrow(RangeError);
      expect(atLimit.action_id).toHaveLength(255);
    });

    it('limits the url to 3000 characters and leaves out the fields it was not given', () => {
      // Act
      const linked = button({ text: 'Open', actionId: 'x', url: `https://e.example/${'p'.repeat(3000)}` });
      const bare = button({ text: 'Open', actionId: 'x' });

      // Assess
      expect(linked.url).toHaveLength(3000);
      expect(bare).toEqual({
        type: 'button',
        text: { type: 'plain_text', text: 'Open', emoji: true },
        action_id: 'x',
      });
    });

    it('adds a confirm dialog when confirm options are given', () => {
      // Act
      const element = button({
        text: 'Restart',
        actionId: 'ecs:restart',
        confirm: { title: 'Sure?', text: 'Restart *api*?', danger: true },
      });

      // Assess
      expect(element.confirm).toEqual({
        title: { type: 'plain_text', text: 'Sure?', emoji: true },
        text: { type: 'mrkdwn', text: 'Restart *api*?' },
        confirm: { type: 'plain_text', text: 'Yes', emoji: true },
        deny: { type: 'plain_text', text: 'Cancel', emoji: true },
        style: 'danger',
      });
    });
  });

  describe('confirmDialog()', () => {
    it('keeps the title within 100, the text within 300 and the buttons within 30 characters', () => {
      // Act
      const dialog = confirmDialog({
        title: 't'.repeat(101),
        text: 'x'.repeat(301),
        confirm: 'c'.repeat(31),
        deny: 'd'.repeat(31),
      });

      // Assess
      expect([
        dialog.title.text.length,
        dialog.text.text.length,
        dialog.confirm.text.length,
        dialog.deny.text.length,
      ]).toEqual([100, 300, 30, 30]);
      expect(dialog.title.text.endsWith('…')).toBe(true);
      expect(dialog.style).toBeUndefined();
    });

    it('keeps texts that are exactly at their limits', () => {
      // Act
      const dialog = confirmDialog({
        title: 't'.repeat(100),
        text: 'x'.repeat(300),
        confirm: 'c'.repeat(30),
        deny: 'd'.repeat(30),
      });

      // Assess
      expect(dialog.title.text).toBe('t'.repeat(100));
      expect(dialog.text.text).toBe('x'.repeat(300));
      expect(dialog.confirm.text).toBe('c'.repeat(30));
      expect(dialog.deny.text).toBe('d'.repeat(30));
    });
  });

  describe('actions()', () => {
    it('keeps at most 25 buttons and limits the block_id to 255 characters', () => {
      // Prepare
      const buttons = Array.from({ length: 30 }, (_, i) => button({ text: `b${i}`, actionId: `a${i}` }));

      // Act
      const block = actions(buttons, 'k'.repeat(300));

      // Assess
      if (block.type !== 'actions') throw new Error('expected an actions block');
      expect(block.elements).toHaveLength(25);
      expect(block.elements[24]?.action_id).toBe('a24');
      expect(block.block_id).toHaveLength(255);
    });

    it('leaves out block_id when none is given', () => {
      // Act
      const block = actions([]);

      // Assess
      expect(block).toEqual({ type: 'actions', elements: [] });
    });
  });

  describe('message()', () => {
    it('keeps every block when there are exactly 50', () => {
      // Prepare
      const blocks = Array.from({ length: 50 }, (_, i) => section(`s${i}`));

      // Act
      const result = message('fallback', blocks);

      // Assess
      expect(result.blocks).toEqual(blocks);
    });

    it('keeps 49 blocks and ends with a note of how many were left out when there are more than 50', () => {
      // Prepare
      const blocks = Array.from({ length: 75 }, (_, i) => section(`s${i}`));

      // Act
      const result = message('fallback', blocks);

      // Assess
      expect(result.blocks).toHaveLength(50);
      expect(result.blocks?.slice(0, 49)).toEqual(blocks.slice(0, 49));
      expect(result.blocks?.[49]).toEqual({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: "_26 more block(s) left out to fit Slack's limit_" }],
      });
    });

    it('always sets the fallback text, within its limit, and has no blocks when none are given', () => {
      // Act
      const result = message('f'.repeat(LIMITS.fallbackText + 10), [], {
        response_type: 'in_channel',
        replace_original: true,
      });

      // Assess
      expect(result.text).toHaveLength(LIMITS.fallbackText);
      expect(result).not.toHaveProperty('blocks');
      expect(result).toMatchObject({ response_type: 'in_channel', replace_original: true });
    });

    it('never has more than 50 blocks for any number of blocks', () => {
      fc.assert(
        fc.property(fc.nat({ max: 200 }), (count) => {
          // Act
          const result = message(
            't',
            Array.from({ length: count }, () => divider()),
          );

          // Assess
          expect(result.blocks?.length ?? 0).toBe(Math.min(count, 50));
        }),
      );
    });
  });

  describe('ephemeral()', () => {
    it('makes an ephemeral message with the text as its section when no blocks are given', () => {
      // Act
      const result = ephemeral('Not allowed');

      // Assess
      expect(result).toEqual({
        text: 'Not allowed',
        response_type: 'ephemeral',
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Not allowed' } }],
      });
    });

    it('uses the given blocks when there are some', () => {
      // Act
      const result = ephemeral('Help', [header('Help')]);

      // Assess
      expect(result.blocks).toEqual([header('Help')]);
    });
  });
});
