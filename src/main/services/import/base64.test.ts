import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { decodeBase64 } from './base64';

describe('decodeBase64', () => {
  it('decodes base64 with and without padding', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', 'Quarry ✓']) {
      const encoded = Buffer.from(text).toString('base64');
      expect(Buffer.from(decodeBase64(encoded, 'f.txt')).toString()).toBe(text);
      expect(Buffer.from(decodeBase64(encoded.replace(/=+$/, ''), 'f.txt')).toString()).toBe(text);
    }
  });

  it('refuses what is not base64, which Node’s decoder would skip over silently', () => {
    for (const bad of ['ab!d', 'YWJj ZA==', 'YWJj\nZA==', 'YW=jZA==', 'YWJjZA===', 'a-_b', 'YQ=', 'ÿÿÿÿ']) {
      expect(() => decodeBase64(bad, 'f.txt'), bad).toThrowError(new AppError('VALIDATION', 'The content sent for f.txt is not base64.'));
    }
  });
});
