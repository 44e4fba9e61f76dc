import { describe, expect, it } from 'vitest';
import { ackRanges, AckType } from '../../src/kafka/share-protocol.js';

describe('share acknowledgements as ranges', () => {
  it('merges consecutive offsets of one type, splits on a type change or a hole, ignores repeats', () => {
    const { accept, release, gap } = AckType;
    const acks = [
      { offset: 12, type: release },
      { offset: 10, type: accept },
      { offset: 11, type: accept },
      { offset: 13, type: release },
      { offset: 11, type: accept },
      { offset: 15, type: gap },
      { offset: 16, type: accept },
    ];
    expect(ackRanges(acks)).toEqual([
      { first: 10, last: 11, type: accept },
      { first: 12, last: 13, type: release },
      { first: 15, last: 15, type: gap },
      { first: 16, last: 16, type: accept },
    ]);
    expect(ackRanges([])).toEqual([]);
  });
});
