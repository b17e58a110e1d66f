'use strict';

// The user settings of the test's VS Code profile: a first start with nothing in the way (no trust
// prompt, welcome page, walkthrough or tips over the editor), nothing reaching the network, and an
// editor whose pop-ups appear only when the test asks for them.
module.exports = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  // A file opened from Quick Open stays open when the next one opens.
  'workbench.editor.enablePreview': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  // Completion opens only on Ctrl+Space, so the suggestion list on screen is the one the test asked for.
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.suggestOnTriggerCharacters': false,
  // One document line is one rendered line: the test reads lines back from the screen.
  'editor.wordWrap': 'off',
  '[markdown]': { 'editor.wordWrap': 'off' },
  'editor.minimap.enabled': false,
  'files.autoSave': 'off',
  // Hovers and panels appear at once instead of fading in, so a screenshot shows them opaque.
  'workbench.reduceMotion': 'on',
};
