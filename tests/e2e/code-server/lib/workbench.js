'use strict';

const uiTimeoutMs = 30_000;

/**
 * The VS Code workbench in a page, driven as a person drives it: keyboard shortcuts, the command
 * palette, Quick Open, the mouse. Every wait is for something to appear on screen, bounded by a
 * timeout; nothing waits for a fixed time.
 */
class Workbench {
  constructor(page) {
    this.page = page;
    this.quickInput = page.locator('.quick-input-widget');
    this.activeEditor = page.locator('.editor-group-container.active .monaco-editor').first();
    // A notebook's cells are editors of their own, drawn in an overlay outside the editor group.
    this.notebookCellEditors = page.locator('.notebookOverlay .cell-editor-container .monaco-editor');
  }

  async open(url) {
    await this.page.goto(url);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
  }

  /** A status bar item whose text matches `text` (a RegExp), once it is shown. */
  async statusBarItem(text, timeout = uiTimeoutMs) {
    const item = this.page.locator('#workbench\\.parts\\.statusbar .statusbar-item').filter({ hasText: text }).first();
    await item.waitFor({ timeout });
    return item;
  }

  /** A notification toast whose text matches `text` (a RegExp), once it is shown. */
  async notification(text, timeout = uiTimeoutMs) {
    const toast = this.page.locator('.notifications-toasts .notification-list-item').filter({ hasText: text }).first();
    await toast.waitFor({ timeout });
    return toast;
  }

  /** Runs a command from the palette (F1) by its exact title. */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    await this.waitForQuickInput(/^>/);
    await this.page.keyboard.type(title);
    const row = this.quickInputRows().filter({ has: this.page.locator('.label-name', { hasText: exactly(title) }) }).first();
    await row.waitFor({ timeout: uiTimeoutMs });
    await row.click();
    await this.quickInput.waitFor({ state: 'hidden', timeout: uiTimeoutMs });
  }

  /**
   * Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor tab to be active and its
   * text (a notebook: its first cell editor) on screen.
   */
  async openFile(relativePath) {
    const name = relativePath.split('/').pop();
    const folder = relativePath.split('/').slice(0, -1).join('/');
    await this.page.keyboard.press('Control+P');
    await this.waitForQuickInput(/^$/);
    await this.page.keyboard.type(relativePath);
    // A row shows the file's name, then its folder (nothing for a file at the root).
    const description = this.page.locator('.label-description', { hasText: /\S/ });
    const inFolder = folder
      ? { has: this.page.locator('.label-description', { hasText: exactly(folder) }) }
      : { hasNot: description };
    const row = this.quickInputRows()
      .filter({ has: this.page.locator('.label-name', { hasText: exactly(name) }) })
      .filter(inFolder)
      .first();
    await row.waitFor({ timeout: uiTimeoutMs });
    await row.click();
    await this.page.locator('.tabs-container .tab.active').filter({ hasText: name }).waitFor({ timeout: uiTimeoutMs });
    const text = name.endsWith('.ipynb') ? this.notebookCellEditors.first() : this.activeEditor;
    await text.locator('.view-lines').waitFor({ timeout: uiTimeoutMs });
  }

  /** Saves the active editor (Ctrl+S) and waits for its tab to show it saved. */
  async save() {
    await this.page.keyboard.press('Control+S');
    await this.page.locator('.tabs-container .tab.active:not(.dirty)').waitFor({ timeout: uiTimeoutMs });
  }

  /** Moves the cursor to a 1-based line and column with Go to Line (Ctrl+G), which also scrolls there. */
  async goTo(line, column) {
    await this.page.keyboard.press('Control+G');
    await this.waitForQuickInput(/^:/);
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: uiTimeoutMs });
    await this.statusBarItem(new RegExp(`^Ln ${line}, Col ${column}\\b`));
  }

  /**
   * Moves the mouse over the character at a 1-based line and column of the active editor and returns
   * the text of the hover once it shows every one of `expected` (RegExps).
   */
  async hover(line, column, expected) {
    await this.goTo(line, column);
    const point = await this.activeEditor.evaluate(characterCentre, { line, column });
    if (!point) throw new Error(`line ${line}, column ${column} is not on screen in the active editor`);
    return this.hoverAt(point, expected, `line ${line}, column ${column}`);
  }

  /**
   * The editor of the open notebook's cell whose text contains `text`. A Markdown cell shows its
   * rendering until it is edited: `edit` runs Edit Cell on the selected cell first (a notebook opens
   * with its first cell selected).
   */
  async notebookCell(text, { edit = false } = {}) {
    const cell = this.notebookCellEditors.filter({ hasText: text }).first();
    if (edit) {
      await this.runCommand('Notebook: Edit Cell');
    }
    try {
      await cell.locator('.view-lines').waitFor({ timeout: uiTimeoutMs });
    } catch (error) {
      const shown = await this.notebookCellEditors.locator('.view-lines').allInnerTexts().catch(() => []);
      throw new Error(`no notebook cell editor shows "${text}"; cell editors on screen: ${JSON.stringify(shown)}`, { cause: error });
    }
    return cell;
  }

  /**
   * Moves the mouse over the middle of `text` in `editor` (a cell editor of a notebook) and returns the
   * text of the hover once it shows every one of `expected` (RegExps).
   */
  async hoverOverText(editor, text, expected) {
    await editor.scrollIntoViewIfNeeded();
    const point = await editor.evaluate(characterCentre, { text });
    if (!point) throw new Error(`"${text}" is not on screen in the editor`);
    return this.hoverAt(point, expected, `"${text}"`);
  }

  /**
   * The hover at a screen point, once it shows every one of `expected`: the hover fills in as its
   * providers answer. A hover that stays without them is asked again the way a person would: the
   * mouse leaves the editor until the hover is gone, and comes back.
   */
  async hoverAt(point, expected, where) {
    const shown = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)');
    const hover = expected.reduce((content, text) => content.filter({ hasText: text }), shown.locator('.monaco-hover-content')).first();
    const deadline = Date.now() + uiTimeoutMs;
    for (;;) {
      // Several small moves: the editor shows its hover for a mouse that arrives, not one that jumps.
      await this.page.mouse.move(point.x - 40, point.y, { steps: 2 });
      await this.page.mouse.move(point.x, point.y, { steps: 5 });
      try {
        await hover.waitFor({ timeout: 5_000 });
        return hover.innerText();
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`no hover showing ${expected.join(' and ')} appeared over ${where}; hovers on screen: ${JSON.stringify(await shown.allInnerTexts())}`, { cause: error });
        }
      }
      await this.page.mouse.move(1, 1, { steps: 5 });
      await shown.first().waitFor({ state: 'hidden', timeout: uiTimeoutMs });
    }
  }

  /** The lines of the active editor that are rendered on screen, top to bottom, as plain text. */
  async visibleLines() {
    return this.activeEditor.evaluate((editor) => [...editor.querySelectorAll('.view-lines .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => line.textContent.replace(/\u00a0/g, ' ')));
  }

  /**
   * Waits until a rendered line of the active editor contains `text` (or, with `whole`, is `text`),
   * runs of white space read as one space, and returns the line. `unescaped` reads a Markdown line
   * without the backslashes that escape its punctuation.
   */
  async waitForLine(text, { whole = false, unescaped = false } = {}) {
    try {
      const found = await this.page.waitForFunction(({ wanted, whole, unescaped }) => [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines .view-line')]
        .map((line) => line.textContent.replace(/\u00a0/g, ' '))
        .find((line) => {
          const read = (unescaped ? line.replace(/\\/g, '') : line).trim().split(/\s+/).join(' ');
          return whole ? read === wanted : read.includes(wanted);
        }),
      { wanted: text, whole, unescaped }, { timeout: uiTimeoutMs });
      return found.jsonValue();
    } catch (error) {
      const how = whole ? 'reads' : 'contains';
      throw new Error(`no line of the editor ${how} "${text}"; lines on screen:\n${(await this.visibleLines()).join('\n')}`, { cause: error });
    }
  }

  /** Waits until a webview (the Markdown preview) shows a block whose text, whitespace collapsed, is `text`. */
  async waitForRenderedBlock(text) {
    const deadline = Date.now() + uiTimeoutMs;
    let seen = [];
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        const blocks = await frame.evaluate(() => [...document.querySelectorAll('h1, h2, p, li')]
          .map((block) => block.textContent.trim().split(/\s+/).join(' '))).catch(() => []);
        if (blocks.includes(text)) return;
        if (blocks.length > 0) seen = blocks;
      }
      await this.page.waitForTimeout(100);
    }
    throw new Error(`no rendered block reads "${text}"; blocks on screen:\n${seen.join('\n')}`);
  }

  /** The suggestion list's row for `label`, once Ctrl+Space has opened it and the row is there. */
  async suggestion(label) {
    const widget = this.page.locator('.editor-widget.suggest-widget.visible');
    const row = widget.locator('.monaco-list-row').filter({ has: this.page.locator('.label-name', { hasText: exactly(label) }) }).first();
    try {
      await row.waitFor({ timeout: uiTimeoutMs });
    } catch (error) {
      const shown = await widget.locator('.monaco-list-row').allInnerTexts().catch(() => []);
      throw new Error(`no suggestion "${label}" appeared; suggestions on screen: ${JSON.stringify(shown)}`, { cause: error });
    }
    return row;
  }

  /**
   * The problems the Problems panel lists, each with the file it is listed under (the file row's
   * path) and the row's text (message, source and code, "[Ln L, Col C]"). Opens the panel from the
   * palette, maximised so that every row is rendered, and waits until it lists `count` problems;
   * then returns what it lists, so a wrong count reads as a failed comparison, not a time-out.
   */
  async problems(count) {
    await this.runCommand('Problems: Focus on Problems View');
    await this.runCommand('View: Toggle Maximized Panel');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor({ timeout: uiTimeoutMs });
    await this.page.waitForFunction(
      (expected) => document.querySelectorAll('.markers-panel .monaco-list-row[aria-level="2"]').length >= expected,
      count, { timeout: uiTimeoutMs }).catch(() => {});
    return panel.evaluate((element) => {
      const listed = [];
      let file = null;
      const rows = [...element.querySelectorAll('.monaco-list-row')]
        .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
      for (const row of rows) {
        if (row.getAttribute('aria-level') === '1') file = row.querySelector('.monaco-icon-label')?.getAttribute('aria-label') ?? null;
        else listed.push({ file, text: row.innerText.replace(/\s+/g, ' ').trim() });
      }
      return listed;
    });
  }

  /** Hides the panel (Problems, Output…) when it is shown, giving its room back to the editors. */
  async closePanel() {
    const panel = this.page.locator('#workbench\\.parts\\.panel');
    if (!(await panel.isVisible())) return;
    await this.runCommand('View: Hide Panel');
    await panel.waitFor({ state: 'hidden', timeout: uiTimeoutMs });
  }

  async screenshot(file) {
    await this.page.screenshot({ path: file });
    return file;
  }

  /** What a person would read on screen at a failure: notifications, the active tab, the status bar. */
  async describeScreen() {
    const texts = async (selector) => (await this.page.locator(selector).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    return [
      `active tab: ${(await texts('.tabs-container .tab.active')).join(' | ') || 'none'}`,
      `notifications: ${(await texts('.notifications-toasts .notification-list-item')).join(' | ') || 'none'}`,
      `status bar: ${(await texts('#workbench\\.parts\\.statusbar .statusbar-item')).join(' | ')}`,
    ].join('\n');
  }

  quickInputRows() {
    return this.quickInput.locator('.quick-input-list .monaco-list-row');
  }

  /** Waits for the quick input to be open with a value matching `pattern` (its mode: ">" commands, ":" lines). */
  async waitForQuickInput(pattern) {
    await this.quickInput.locator('.quick-input-box input').waitFor({ timeout: uiTimeoutMs });
    await this.page.waitForFunction((source) => {
      const box = document.querySelector('.quick-input-widget .quick-input-box input');
      return box !== null && new RegExp(source).test(box.value);
    }, pattern.source, { timeout: uiTimeoutMs });
  }
}

function exactly(text) {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/**
 * Runs in the page: the screen point at the centre of one character of the editor's rendered text.
 * With `line` and `column` (1-based), that character of that line, found through the line number's
 * row (same vertical offset as the text's row); with `text`, the middle character of its first
 * occurrence on any rendered line. One function, since the page runs it alone, without this module.
 */
function characterCentre(editor, { line, column, text }) {
  let rows = [...editor.querySelectorAll('.view-lines .view-line')];
  if (line !== undefined) {
    const number = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((n) => n.textContent.trim() === String(line));
    if (!number) return null;
    const top = number.closest('[style*="top"]')?.style.top ?? number.parentElement.style.top;
    rows = rows.filter((l) => l.style.top === top);
  }
  for (const row of rows) {
    const walker = editor.ownerDocument.createTreeWalker(row, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    let remaining = column - 1;
    if (text !== undefined) {
      const at = nodes.map((node) => node.data).join('').replace(/\u00a0/g, ' ').indexOf(text);
      if (at < 0) continue;
      remaining = at + Math.floor(text.length / 2);
    }
    for (const node of nodes) {
      if (remaining < node.length) {
        const range = editor.ownerDocument.createRange();
        range.setStart(node, remaining);
        range.setEnd(node, remaining + 1);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      remaining -= node.length;
    }
  }
  return null;
}

module.exports = { Workbench };
