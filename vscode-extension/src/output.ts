import * as vscode from 'vscode';

/**
 * The "PaperLens" output channel: the extension's own messages, the server's log and, with
 * paperlens.trace.server, the protocol trace. A plain channel rather than a log channel, because the
 * client library writes traces to a log channel at trace level, hidden unless the user lowers it.
 */
export class Output implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('PaperLens');

  info(message: string): void {
    this.write('Info', message);
  }

  warn(message: string): void {
    this.write('Warn', message);
  }

  error(message: string): void {
    this.write('Error', message);
  }

  show(): void {
    this.channel.show(true);
  }

  private write(level: string, message: string): void {
    this.channel.appendLine(`[${level} - ${new Date().toLocaleTimeString()}] ${message}`);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
