import { AppError } from '../../../shared/api/errors';

/** The bytes of a file sent over the API as base64; anything else is refused before any work starts. */
export function decodeBase64(data: string, fileName: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    throw new AppError('VALIDATION', `The content sent for ${fileName} is not base64.`);
  }
  return Buffer.from(data, 'base64');
}
