import { describe, expect, it } from 'vitest';
import { createTabRecall } from '@/lib/failure/firefox-tab-recall';

describe('createTabRecall', () => {
  it.each([
    // [headers seen before completion, completed tabId, tabId handed on]
    ['a failing navigation Firefox lost the tab of', { statusCode: 502, tabId: 7 }, -1, 7],
    ['a failing navigation that kept its tab', { statusCode: 502, tabId: 7 }, 7, 7],
    ['a healthy response is not remembered', { statusCode: 200, tabId: 7 }, -1, -1],
    ['a request in no tab stays in no tab', { statusCode: 503, tabId: -1 }, -1, -1],
    ['nothing seen before completion', null, -1, -1],
  ])('%s', (_, headers, completedTab, expected) => {
    const recall = createTabRecall();
    if (headers) recall.remember({ requestId: '1', ...headers });
    expect(recall.restore({ requestId: '1', tabId: completedTab }).tabId).toBe(expected);
  });

  it('matches by request, and forgets a request once it completed', () => {
    const recall = createTabRecall();
    recall.remember({ requestId: '1', tabId: 3, statusCode: 500 });
    expect(recall.restore({ requestId: '2', tabId: -1 }).tabId).toBe(-1);
    expect(recall.restore({ requestId: '1', tabId: -1 }).tabId).toBe(3);
    expect(recall.restore({ requestId: '1', tabId: -1 }).tabId).toBe(-1);
  });

  it('stays small when failing navigations never complete', () => {
    const recall = createTabRecall();
    for (let i = 0; i < 1000; i++) recall.remember({ requestId: String(i), tabId: 1, statusCode: 502 });
    expect(recall.restore({ requestId: '999', tabId: -1 }).tabId).toBe(1);
    expect(recall.restore({ requestId: '0', tabId: -1 }).tabId).toBe(-1);
  });

  it('hands on the rest of the request untouched', () => {
    const recall = createTabRecall();
    recall.remember({ requestId: '9', tabId: 4, statusCode: 504 });
    const request = { requestId: '9', tabId: -1, url: 'http://a.test/', statusCode: 504 };
    expect(recall.restore(request)).toEqual({ ...request, tabId: 4 });
  });
});
