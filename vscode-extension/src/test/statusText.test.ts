import * as assert from 'assert';
import { checkSummaryText, clickRunsCheck, countProblems, StatusState, statusBarText } from '../statusText';

const noProblems = { errors: 0, warnings: 0, information: 0, hints: 0 };

describe('status bar text', () => {
  it('shows the citations and the problems the Problems panel lists', () => {
    const state: StatusState = { phase: 'ready', files: 4, citations: 12, problems: { errors: 1, warnings: 2, information: 3, hints: 5 }, offline: false };

    const { text, tooltip } = statusBarText(state);

    assert.strictEqual(text, 'PaperLens: 12 citations, 6 problems');
    assert.match(tooltip, /^12 citations in 4 files: 1 error, 2 warnings, 3 information, 5 hints\./);
    assert.match(tooltip, /Click to check the workspace citations\./);
  });

  it('uses the singular for one', () => {
    assert.strictEqual(statusBarText({ phase: 'ready', files: 1, citations: 1, problems: { ...noProblems, warnings: 1 }, offline: false }).text,
      'PaperLens: 1 citation, 1 problem');
  });

  it('marks an offline server', () => {
    const ready = statusBarText({ phase: 'ready', files: 0, citations: 0, problems: noProblems, offline: true });

    assert.strictEqual(ready.text, 'PaperLens: 0 citations, 0 problems (offline)');
    assert.match(ready.tooltip, /Offline: arXiv is never asked/);
    assert.strictEqual(statusBarText({ phase: 'indexing', offline: true }).text, 'PaperLens $(sync~spin) indexing citations… (offline)');
  });

  it('always begins with PaperLens', () => {
    const states: StatusState[] = [
      { phase: 'starting' }, { phase: 'stopped' }, { phase: 'failed', reason: 'no .NET' }, { phase: 'indexing', offline: false },
      { phase: 'ready', files: 0, citations: 0, problems: noProblems, offline: false },
    ];

    for (const state of states) assert.match(statusBarText(state).text, /^PaperLens\b/);
  });

  it('puts the reason of a failed start in the tooltip and sends the click to the output', () => {
    const failed: StatusState = { phase: 'failed', reason: 'PaperLens needs the .NET 10 runtime' };

    assert.match(statusBarText(failed).tooltip, /^PaperLens needs the \.NET 10 runtime\n/);
    assert.strictEqual(clickRunsCheck(failed), false);
    assert.strictEqual(clickRunsCheck({ phase: 'ready', files: 0, citations: 0, problems: noProblems, offline: false }), true);
  });

  it('counts diagnostics by severity', () => {
    assert.deepStrictEqual(countProblems([0, 1, 1, 2, 3, 3, 3]), { errors: 1, warnings: 2, information: 1, hints: 3 });
    assert.deepStrictEqual(countProblems([]), noProblems);
  });

  it('summarises a workspace check', () => {
    assert.strictEqual(checkSummaryText({ files: 3, citations: 7, errors: 1, warnings: 0, information: 2, hints: 1 }),
      'PaperLens: 7 citations in 3 files: 1 error, 0 warnings, 2 information, 1 hint.');
  });
});
