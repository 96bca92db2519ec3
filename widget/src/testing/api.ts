/**
 * The real API the browser tests talk to: the test runner starts a Node host before the tests
 * and puts its URL and a publishable key (allowed for the test page's origin) on the page.
 */
export type TestApi = { apiBase: string; publishableKey: string };

declare global {
  interface Window {
    __AFTERCARE_TEST__?: TestApi;
  }
}

export function testApi(): TestApi {
  const api = window.__AFTERCARE_TEST__;
  if (!api?.apiBase || !api.publishableKey) {
    throw new Error('window.__AFTERCARE_TEST__ = { apiBase, publishableKey } is not set: the test runner must start the API host.');
  }
  return api;
}
