import { decideAccess, hasAccess, isUserGroupId, isUserId, mentionAll } from '../../src/authz.js';

describe('authz', () => {
  describe('isUserId() and isUserGroupId()', () => {
    it.each([
      ['U2147483697', true, false],
      ['W0123ABC', true, false],
      ['S0614TZR7', false, true],
      ['C2147483705', false, false],
      ['U1', false, false],
      ['u2147483697', false, false],
      ['S0614tzr7', false, false],
    ])('classifies "%s"', (principal, user, group) => {
      // Act
      const classified = [isUserId(principal), isUserGroupId(principal)];

      // Assess
      expect(classified).toEqual([user, group]);
    });
  });

  describe('decideAccess()', () => {
    it('allows a user listed by id', () => {
      // Act
      const decision = decideAccess('U111', ['U000', 'U111', 'S222']);

      // Assess
      expect(decision).toEqual({ outcome: 'allowed' });
    });

    it('asks to check the user groups when the user is not listed but groups are', () => {
      // Act
      const decision = decideAccess('U999', ['U000', 'S222', 'S333']);

      // Assess
      expect(decision).toEqual({ outcome: 'check-groups', groups: ['S222', 'S333'] });
    });

    it.each([
      ['only other users are listed', ['U000', 'W111']],
      ['nobody is listed', []],
    ])('denies when %s', (_label, principals) => {
      // Act
      const decision = decideAccess('U999', principals);

      // Assess
      expect(decision).toEqual({ outcome: 'denied' });
    });
  });

  describe('hasAccess()', () => {
    it('allows a listed user without reading any group', async () => {
      // Prepare
      const readMembers = jest.fn(async (_group: string) => ['U999']);

      // Act
      const allowed = await hasAccess('U111', ['U111', 'S222'], readMembers);

      // Assess
      expect(allowed).toBe(true);
      expect(readMembers).not.toHaveBeenCalled();
    });

    it('allows a user found in the second group, reading groups in order until found', async () => {
      // Prepare
      const members: Record<string, string[]> = { S01A: ['U1'], S02A: ['U2', 'U999'], S03A: ['U999'] };
      const readMembers = jest.fn(async (group: string) => members[group] ?? []);

      // Act
      const allowed = await hasAccess('U999', ['S01A', 'S02A', 'S03A'], readMembers);

      // Assess
      expect(allowed).toBe(true);
      expect(readMembers.mock.calls.map(([group]) => group)).toEqual(['S01A', 'S02A']);
    });

    it('denies a user in none of the groups', async () => {
      // Prepare
      const readMembers = jest.fn(async (_group: string) => ['U1']);

      // Act
      const allowed = await hasAccess('U999', ['S01A', 'S02A'], readMembers);

      // Assess
      expect(allowed).toBe(false);
      expect(readMembers).toHaveBeenCalledTimes(2);
    });

    it('denies without reading when no groups are listed', async () => {
      // Prepare
      const readMembers = jest.fn(async (_group: string) => ['U999']);

      // Act
      const allowed = await hasAccess('U999', ['U1'], readMembers);

      // Assess
      expect(allowed).toBe(false);
      expect(readMembers).not.toHaveBeenCalled();
    });

    it('passes on the error when a group cannot be read', async () => {
      // Prepare
      const readMembers = jest.fn(async (_group: string): Promise<string[]> => {
        throw new Error('missing_scope');
      });

      // Act
      const checking = hasAccess('U999', ['S01A'], readMembers);

      // Assess
      await expect(checking).rejects.toThrow('missing_scope');
    });
  });

  describe('mentionAll()', () => {
    it('renders users as <@…> and user groups as <!subteam^…>, comma separated', () => {
      // Act
      const text = mentionAll(['U111', 'S222', 'W333']);

      // Assess
      expect(text).toBe('<@U111>, <!subteam^S222>, <@W333>');
    });

    it('returns an empty string when there is nobody', () => {
      // Act
      const text = mentionAll([]);

      // Assess
      expect(text).toBe('');
    });
  });
});
