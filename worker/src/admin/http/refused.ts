/**
 * Thrown inside an audit append (where checks run serialised per tenant) to answer with
 * `response` without writing anything. The one refusal type of the admin API.
 */
export class Refused extends Error {
  constructor(readonly response: Response) {
    super('refused');
  }
}

/** Runs a write that may throw `Refused`; answers the refusal instead. */
export async function orRefusal<T>(write: () => Promise<T>): Promise<T | Response> {
  try {
    return await write();
  } catch (err) {
    if (err instanceof Refused) return err.response;
    throw err;
  }
}
