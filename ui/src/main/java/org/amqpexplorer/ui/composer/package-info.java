/**
 * The message composer and the message viewer, with exact AMQP typing, as views a window hosts.
 *
 * <p>The door: {@link org.amqpexplorer.ui.composer.ComposerViewModel} and
 * {@link org.amqpexplorer.ui.composer.ComposerView} (every section of a message, a typed value tree, typed
 * JSON kept in step, templates, sending); {@link org.amqpexplorer.ui.composer.MessageViewerViewModel} and
 * {@link org.amqpexplorer.ui.composer.MessageViewerView} (a message's sections in one read-only typed tree,
 * its raw bytes, edit as new, copy and save); {@link org.amqpexplorer.ui.composer.TemplateStore} (where
 * templates live); and the send contract: a {@link org.amqpexplorer.ui.composer.MessageSender} is handed a
 * {@link org.amqpexplorer.ui.composer.SendJob} and reports each message's fate back, which the composer lists
 * as {@link org.amqpexplorer.ui.composer.SentMessage}s. Everything else is package-private.
 *
 * <p>One rule runs through it: the form is judged by the typed-JSON reader
 * ({@link org.amqpexplorer.protocol.json.TypedJson}). Each field knows its typed-JSON path; the form builds a
 * typed-JSON template (strings may hold placeholders such as {@code ${seq}}), placeholders are evaluated per
 * message, and the result is read as typed JSON is read, so a form and a pasted document are held to the
 * same rules, and an error names the same path either way.
 */
package org.amqpexplorer.ui.composer;
