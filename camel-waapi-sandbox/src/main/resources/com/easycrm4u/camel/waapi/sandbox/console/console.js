/*
 * The WAAPI sandbox console: what the routes sent, shown as the customer's phone shows it, and the customer's and the
 * platform's actions, all through the sandbox's own API under /console/api (same origin, JSON).
 *
 * Every value shown comes from routes or from customers: it is put into the page with textContent and createElement,
 * never parsed as HTML, and a link is a link only when it is http(s).
 *
 * Test hooks (data-testid, and the data-* attributes they carry), stable for browser tests:
 *   body[data-version]           the version of the state shown (GET /console/api/state)
 *   connection                   data-mode: connecting | live (server-sent events) | polling | offline
 *   state-version                the same version, as text
 *   notice                       the answer to the last action; data-kind: ok | warning (done, with the sandbox's
 *                                note, e.g. that no route receives it) | error (refused, with the sandbox's reason);
 *                                data-seq counts the answers (wait for it to grow after an action)
 *   conversation-list            the list of conversations
 *   conversation                 a button per conversation: data-customer, data-business (E.164, with the +);
 *                                aria-current="true" when shown
 *   no-conversations             shown while there is none
 *   chat-title                   the shown conversation's customer and business numbers
 *   messages                     the shown conversation's messages (role="log": new ones are announced)
 *   message                      data-message-id, data-direction (out | in), data-channel (cloud | qr), data-kind
 *                                (text | template | media | location | interactive | button | ...), data-status (sent | delivered
 *                                | read | failed | none; received for the customer's), data-error-code (when failed)
 *     qr-badge                   on a QR-session message
 *     message-text               a text (or any message's text)
 *     template-name              "order_shipped · en"
 *     template-header-media, template-header-link, template-header, template-body, template-footer
 *     template-parameters        the parameters sent, when the sandbox does not know the template's text
 *     template-button            data-button-index, data-button-type; a <button> for a quick reply of an outgoing
 *                                template (pressing it is the customer pressing it); template-button-url
 *                                beside a URL button
 *     media-type, media-caption, media-link, media-filename
 *     location                   data-latitude, data-longitude; location-name, location-address inside
 *     interactive-choices, interactive-url   what an outgoing buttons / list / cta message offers
 *     message-status             the ticks and the status word
 *     message-error              "Failed with 131026: ..." on a failed message
 *     message-context            "reply to <message id>" on a customer's answer to a message
 *     message-actions            <details> of an outgoing message: mark-read (button), fail-code (select),
 *                                fail-code-other (free entry, wins when filled), fail-title (the title a code the
 *                                sandbox does not know needs), fail-send (button)
 *   composer                     the customer's forms (disabled while no conversation is shown):
 *     reply-form, reply-input, reply-send
 *     media-form, media-form-type, media-form-link, media-form-caption, media-form-send
 *     location-form, location-form-latitude, location-form-longitude, location-form-name, location-form-address,
 *     location-form-send
 *   new-form, new-customer, new-business, new-text, new-send      a message from a customer without a conversation
 *   api-keys                     api-key rows (data-api-key); test-event buttons (data-api-key)
 *   service-windows              service-window rows (data-customer, data-business, data-open)
 *   quotas                       quota rows (data-api-key)
 *   deliveries                   delivery items (data-delivery-id, data-state: pending | delivered | rejected |
 *                                exhausted), attempt items inside (data-status: the receiver's answer)
 *   faults                       fault items (data-fault: latency, serverErrorRate, failNext, ...)
 */
'use strict';

(function () {
    const API = '/console/api/';
    const POLL_MILLIS = 2000;
    const RECONNECT_MILLIS = 5000;
    const FAIL_CODES = [
        ['131026', 'Message undeliverable (no WhatsApp)'],
        ['131047', 'Re-engagement message (24-hour window closed)'],
        ['131049', 'Not delivered to keep engagement healthy'],
        ['131051', 'Unsupported message type'],
        ['130472', "Customer's number is part of an experiment"],
        ['131000', 'Something went wrong'],
    ];
    const STATUS_TEXT = {
        sent: '\u2713 sent',
        delivered: '\u2713\u2713 delivered',
        read: '\u2713\u2713 read',
        failed: '\u26a0 failed',
    };

    const view = {
        version: null,
        state: null,
        selected: null, // the shown conversation's key
        shownConversation: null,
        messageElements: new Map(),
        polling: null,
        fetching: null,
        fetchAgain: false,
    };

    const $ = (testid) => document.querySelector('[data-testid="' + testid + '"]');

    // ---- building the DOM without ever parsing data as HTML ----

    function el(tag, attributes, ...children) {
        const node = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes || {})) {
            if (value === undefined || value === null || value === false) {
                continue;
            }
            if (name === 'text') {
                node.textContent = String(value);
            } else if (name === 'className') {
                node.className = value;
            } else if (name === 'on') {
                for (const [event, listener] of Object.entries(value)) {
                    node.addEventListener(event, listener);
                }
            } else {
                node.setAttribute(name, value === true ? '' : String(value));
            }
        }
        for (const child of children.flat()) {
            if (child !== undefined && child !== null && child !== false) {
                node.append(child instanceof Node ? child : String(child));
            }
        }
        return node;
    }

    /** An <a> only for an http(s) address; anything else (javascript:, data:, garbage) stays plain text. */
    function safeLink(address, testid) {
        const text = String(address);
        let url = null;
        try {
            url = new URL(text);
        } catch (e) {
            url = null;
        }
        if (url && (url.protocol === 'https:' || url.protocol === 'http:')) {
            return el('a', { href: url.href, target: '_blank', rel: 'noopener noreferrer', 'data-testid': testid, text: text });
        }
        return el('span', { 'data-testid': testid, text: text });
    }

    function time(value) {
        if (value === undefined || value === null || value === '') {
            return '';
        }
        const date = new Date(value);
        return isNaN(date.getTime()) ? String(value) : date.toLocaleTimeString();
    }

    function dateTime(value) {
        if (value === undefined || value === null || value === '') {
            return '';
        }
        const date = new Date(value);
        return isNaN(date.getTime()) ? String(value) : date.toLocaleString();
    }

    function timeElement(value) {
        const date = new Date(value);
        return el('time', { datetime: isNaN(date.getTime()) ? null : date.toISOString(), title: dateTime(value), text: time(value) });
    }

    /** A phone number as E.164 with its +; the sandbox's state has the digits. */
    function e164(number) {
        const text = number === undefined || number === null ? '' : String(number);
        return text === '' || text.startsWith('+') ? text : '+' + text;
    }

    function printable(value) {
        if (value === undefined || value === null) {
            return '';
        }
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }

    /** Keeps the keyboard focus on the element with the same data-focus-key when a part of the page is rebuilt. */
    function keepingFocus(container, rebuild) {
        const active = document.activeElement;
        const key = active && container.contains(active) ? active.getAttribute('data-focus-key') : null;
        rebuild();
        if (key !== null) {
            const again = container.querySelector('[data-focus-key="' + CSS.escape(key) + '"]');
            if (again) {
                again.focus();
            }
        }
    }

    // ---- talking to the sandbox ----

    function notice(kind, text) {
        const node = $('notice');
        node.dataset.kind = kind;
        node.dataset.seq = String(Number(node.dataset.seq || 0) + 1);
        node.textContent = text;
    }

    function setConnection(mode, text) {
        const node = $('connection');
        node.dataset.mode = mode;
        node.textContent = text;
    }

    function refresh() {
        if (view.fetching) {
            view.fetchAgain = true;
            return view.fetching;
        }
        view.fetching = (async () => {
            try {
                do {
                    view.fetchAgain = false;
                    const response = await fetch(API + 'state', { cache: 'no-store', headers: { Accept: 'application/json' } });
                    if (!response.ok) {
                        throw new Error('GET ' + API + 'state answered ' + response.status);
                    }
                    render(await response.json());
                } while (view.fetchAgain);
                if ($('connection').dataset.mode === 'offline') {
                    setConnection('polling', 'polling every ' + POLL_MILLIS / 1000 + ' s');
                }
            } catch (e) {
                setConnection('offline', 'the sandbox does not answer (' + e.message + '); trying again');
            } finally {
                view.fetching = null;
            }
        })();
        return view.fetching;
    }

    function startPolling() {
        if (view.polling === null) {
            view.polling = setInterval(refresh, POLL_MILLIS);
        }
    }

    function stopPolling() {
        if (view.polling !== null) {
            clearInterval(view.polling);
            view.polling = null;
        }
    }

    /** Live updates by server-sent events; polling while they are not connected (or not available). */
    function connect() {
        if (!('EventSource' in window)) {
            setConnection('polling', 'polling every ' + POLL_MILLIS / 1000 + ' s');
            startPolling();
            return;
        }
        const events = new EventSource(API + 'events');
        events.addEventListener('open', () => {
            stopPolling();
            setConnection('live', 'live');
            refresh();
        });
        events.addEventListener('state', (event) => {
            let version;
            try {
                version = JSON.parse(event.data).version;
            } catch (e) {
                version = undefined;
            }
            if (version === undefined || version !== view.version) {
                refresh();
            }
        });
        events.addEventListener('error', () => {
            setConnection('polling', 'polling every ' + POLL_MILLIS / 1000 + ' s (live updates interrupted)');
            startPolling();
            if (events.readyState === EventSource.CLOSED) {
                setTimeout(connect, RECONNECT_MILLIS);
            }
        });
    }

    async function post(path, body, what) {
        let response;
        try {
            response = await fetch(API + path, {
                method: 'POST',
                credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
                body: JSON.stringify(body),
            });
        } catch (e) {
            notice('error', what + ': the sandbox did not answer (' + e.message + ')');
            return null;
        }
        let answer = null;
        try {
            answer = await response.json();
        } catch (e) {
            answer = null;
        }
        if (!response.ok) {
            const reason = answer && answer.error ? answer.error : response.statusText || 'no reason given';
            notice('error', what + ' refused (' + response.status + '): ' + reason);
            return null;
        }
        const id = answer && answer.messageId;
        const done = what + ': done' + (id ? ' (' + id + ')' : '') + '.';
        if (answer && answer.note) {
            notice('warning', done + ' ' + answer.note);
        } else {
            notice('ok', done);
        }
        refresh();
        return answer || {};
    }

    // ---- rendering the state ----

    function conversationKey(conversation) {
        return conversation.customer + ' ' + conversation.business;
    }

    function lastAt(conversation) {
        const messages = conversation.messages || [];
        const last = messages.length ? new Date(messages[messages.length - 1].at).getTime() : 0;
        return isNaN(last) ? 0 : last;
    }

    function render(state) {
        view.state = state;
        view.version = state.version;
        document.body.dataset.version = String(state.version);
        $('state-version').textContent = String(state.version);
        const conversations = (state.conversations || []).slice().sort((a, b) => lastAt(b) - lastAt(a));
        if (!conversations.some((c) => conversationKey(c) === view.selected)) {
            view.selected = conversations.length ? conversationKey(conversations[0]) : null;
        }
        renderConversations(conversations);
        renderChat(conversations.find((c) => conversationKey(c) === view.selected) || null);
        renderBusinessNumbers(state.phoneNumbers || (state.apiKeys || []).flatMap((key) => key.phoneNumbers || []));
        renderApiKeys(state.apiKeys || []);
        renderServiceWindows(state.serviceWindows || []);
        renderQuotas(state.quotas || []);
        renderDeliveries(state.deliveries || [], state.deliveriesTotal || 0);
        renderFaults(state.faults || []);
    }

    function preview(message) {
        if (message.text) {
            return message.text;
        }
        if (message.template) {
            return 'template ' + message.template.name;
        }
        if (message.media) {
            return message.media.caption || message.media.type || 'media';
        }
        if (message.location) {
            return message.location.name || 'location';
        }
        return message.kind || '';
    }

    function renderConversations(conversations) {
        const list = $('conversation-list');
        $('no-conversations').hidden = conversations.length > 0;
        keepingFocus(list, () => {
            list.replaceChildren(...conversations.map((conversation) => {
                const key = conversationKey(conversation);
                const messages = conversation.messages || [];
                const last = messages[messages.length - 1];
                const selected = key === view.selected;
                return el('li', {},
                    el('button', {
                        type: 'button',
                        className: 'conversation',
                        'data-testid': 'conversation',
                        'data-customer': e164(conversation.customer),
                        'data-business': e164(conversation.business),
                        'data-focus-key': key,
                        'aria-current': selected ? 'true' : null,
                        on: { click: () => select(key) },
                    },
                    el('span', { className: 'customer', text: e164(conversation.customer) }),
                    el('span', { className: 'business', text: 'with ' + e164(conversation.business) }),
                    last ? el('span', { className: 'preview', text: (last.direction === 'out' ? 'You: ' : '') + preview(last) }) : null,
                    el('span', { className: 'count', text: messages.length + (messages.length === 1 ? ' message' : ' messages') })));
            }));
        });
    }

    function select(key) {
        view.selected = key;
        if (view.state) {
            render(view.state);
        }
        document.getElementById('chat').focus();
    }

    function renderChat(conversation) {
        const list = $('messages');
        const key = conversation ? conversationKey(conversation) : null;
        if (key !== view.shownConversation) {
            view.shownConversation = key;
            view.messageElements.clear();
            list.replaceChildren();
        }
        $('composer').disabled = conversation === null;
        $('chat-title').textContent = conversation
            ? e164(conversation.customer) + ' \u2194 ' + e164(conversation.business)
            : 'No conversation selected';
        if (conversation === null) {
            return;
        }
        const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
        const seen = new Set();
        let added = false;
        (conversation.messages || []).forEach((message, index) => {
            seen.add(message.id);
            let node = view.messageElements.get(message.id);
            if (!node) {
                node = messageElement(message);
                view.messageElements.set(message.id, node);
                added = true;
            }
            updateMessage(node, message);
            if (list.children[index] !== node) {
                list.insertBefore(node, list.children[index] || null);
            }
        });
        for (const [id, node] of view.messageElements) {
            if (!seen.has(id)) {
                node.remove();
                view.messageElements.delete(id);
            }
        }
        if (added && nearBottom) {
            list.scrollTop = list.scrollHeight;
        }
    }

    /** A message's bubble; built once, its status and actions updated by updateMessage. */
    function messageElement(message) {
        const outgoing = message.direction === 'out';
        const bubble = el('div', { className: 'bubble' });
        const tags = el('p', { className: 'tags' });
        if (message.channel === 'qr') {
            tags.append(el('span', { className: 'qr-badge', 'data-testid': 'qr-badge', text: 'QR session' }));
        }
        if (message.kind && message.kind !== 'text') {
            tags.append(el('span', { className: 'kind', text: message.kind }));
        }
        if (tags.childNodes.length) {
            bubble.append(tags);
        }
        bubble.append(...content(message));
        if (message.context || message.replyTo) {
            bubble.append(el('p', { className: 'context', 'data-testid': 'message-context',
                text: '\u21a9 reply to ' + (message.context || message.replyTo) }));
        }
        bubble.append(el('p', { className: 'meta' },
            timeElement(message.at),
            outgoing ? el('span', { className: 'status', 'data-testid': 'message-status' }) : null));
        const node = el('li', {
            className: 'message ' + (outgoing ? 'out' : 'in'),
            'data-testid': 'message',
            'data-message-id': message.id,
            'data-direction': message.direction,
            'data-channel': message.channel,
            'data-kind': message.kind,
        }, bubble);
        if (message.template && (message.template.buttons || []).length) {
            node.append(templateButtons(message));
        }
        if (outgoing) {
            node.append(messageActions(message));
        }
        return node;
    }

    function content(message) {
        const parts = [];
        const template = message.template;
        if (template) {
            parts.push(el('p', { className: 'template-name', 'data-testid': 'template-name',
                text: template.name + (template.language ? ' \u00b7 ' + template.language : '') }));
            const headerMedia = template.headerMedia;
            if (headerMedia) {
                parts.push(el('p', { className: 'media-type', 'data-testid': 'template-header-media', text: headerMedia.type || 'media' }));
                if (headerMedia.link) {
                    parts.push(el('p', { className: 'media-link' }, safeLink(headerMedia.link, 'template-header-link')));
                }
            }
            if (template.header) {
                parts.push(el('p', { className: 'template-header', 'data-testid': 'template-header', text: printable(template.header) }));
            }
            if (template.body) {
                parts.push(el('p', { className: 'text', 'data-testid': 'template-body', text: printable(template.body) }));
            } else {
                // the sandbox does not know the template's text: the parameters the route sent
                const given = template.parameters || {};
                const values = [].concat(given.header || [], given.body || []);
                if (values.length) {
                    parts.push(el('ol', { className: 'template-parameters', 'data-testid': 'template-parameters',
                        'aria-label': 'Parameters' }, values.map((value) => el('li', { text: printable(value) }))));
                }
            }
            if (template.footer) {
                parts.push(el('p', { className: 'template-footer', 'data-testid': 'template-footer', text: printable(template.footer) }));
            }
        }
        const media = message.media;
        if (media) {
            parts.push(el('p', { className: 'media-type', 'data-testid': 'media-type', text: media.type || 'media' }));
            if (media.link) {
                parts.push(el('p', { className: 'media-link' }, safeLink(media.link, 'media-link')));
            }
            if (media.filename) {
                parts.push(el('p', { className: 'media-filename', 'data-testid': 'media-filename', text: media.filename }));
            }
            if (media.caption) {
                parts.push(el('p', { className: 'text', 'data-testid': 'media-caption', text: media.caption }));
            }
        }
        const location = message.location;
        if (location) {
            parts.push(el('div', {
                className: 'location',
                'data-testid': 'location',
                'data-latitude': location.latitude,
                'data-longitude': location.longitude,
            },
            el('p', { className: 'location-pin', text: location.latitude + ', ' + location.longitude }),
            location.name ? el('p', { className: 'location-name', 'data-testid': 'location-name', text: location.name }) : null,
            location.address ? el('p', { 'data-testid': 'location-address', text: location.address }) : null));
        }
        const interactive = message.interactive;
        if (interactive && message.direction === 'out') {
            // what the route offered the customer: buttons, list rows or a link
            const choices = [].concat(
                (interactive.buttons || []).map((b) => b.title || b.text || (b.reply && b.reply.title) || b.id),
                (interactive.sections || []).flatMap((section) => (section.rows || []).map((row) => row.title || row.id)))
                .filter((choice) => choice !== undefined && choice !== null);
            if (message.text) {
                parts.push(el('p', { className: 'text', 'data-testid': 'message-text', text: message.text }));
            }
            if (choices.length) {
                parts.push(el('ul', { className: 'choices', 'data-testid': 'interactive-choices' },
                    choices.map((choice) => el('li', { text: printable(choice) }))));
            }
            if (interactive.url) {
                parts.push(el('p', {}, safeLink(interactive.url, 'interactive-url')));
            }
            return parts;
        }
        if (message.text && !template && !(media && media.caption === message.text)) {
            parts.push(el('p', { className: 'text', 'data-testid': 'message-text', text: message.text }));
        }
        if (!parts.length) {
            parts.push(el('p', { className: 'text empty', text: '(' + (message.kind || 'message') + ' without text)' }));
        }
        return parts;
    }

    function templateButtons(message) {
        const outgoing = message.direction === 'out';
        return el('ul', { className: 'template-buttons', 'aria-label': 'The template\u2019s buttons' },
            message.template.buttons.map((button, position) => {
                const index = button.index === undefined || button.index === null ? position : button.index;
                const type = String(button.type || '').toLowerCase();
                const label = button.text || button.payload || type;
                const quickReply = outgoing && (type === 'quick_reply' || type === 'quick-reply' || type === 'reply');
                const attributes = {
                    className: 'template-button',
                    'data-testid': 'template-button',
                    'data-button-index': index,
                    'data-button-type': type,
                    text: label,
                };
                if (!quickReply) {
                    return el('li', {}, el('span', attributes), button.url ? safeLink(button.url, 'template-button-url') : null);
                }
                return el('li', {}, el('button', Object.assign(attributes, {
                    type: 'button',
                    title: 'Press it as the customer: the route receives the button reply',
                    'data-focus-key': message.id + ' button ' + index,
                    on: { click: () => post('button', { messageId: message.id, buttonIndex: index }, 'Pressed \u201c' + label + '\u201d') },
                })));
            }));
    }

    function errorCodes() {
        const known = view.state && view.state.errorCodes;
        return known && known.length ? known.map((c) => [String(c.code), c.title]) : FAIL_CODES;
    }

    function messageActions(message) {
        const codes = el('select', { 'data-testid': 'fail-code', 'aria-label': 'Meta error code' },
            errorCodes().map(([code, title]) => el('option', { value: code, text: code + ' ' + title })));
        const other = el('input', {
            type: 'text',
            inputmode: 'numeric',
            pattern: '[0-9]+',
            size: 7,
            'data-testid': 'fail-code-other',
            'aria-label': 'or another Meta error code',
            placeholder: 'other code',
        });
        const title = el('input', {
            type: 'text',
            size: 18,
            'data-testid': 'fail-title',
            'aria-label': 'the error\u2019s title (for a code the sandbox does not know)',
            placeholder: 'title (other code)',
        });
        const form = el('form', { className: 'fail' },
            codes, other, title,
            el('button', { type: 'submit', 'data-testid': 'fail-send', text: 'Fail it' }));
        form.addEventListener('submit', (event) => {
            event.preventDefault();
            const code = other.value.trim() || codes.value;
            if (!/^[0-9]+$/.test(code)) {
                notice('error', 'Fail the message: the error code must be a number such as 131026, not \u201c' + code + '\u201d.');
                other.focus();
                return;
            }
            const request = { messageId: message.id, code: Number(code) };
            if (title.value.trim()) {
                request.title = title.value.trim();
            }
            post('fail', request, 'Failed ' + message.id + ' with ' + code);
        });
        return el('details', { className: 'actions', 'data-testid': 'message-actions' },
            el('summary', { text: 'Status actions' }),
            el('button', {
                type: 'button',
                'data-testid': 'mark-read',
                text: 'Mark read',
                on: { click: () => post('read', { messageId: message.id }, 'Marked ' + message.id + ' read') },
            }),
            form);
    }

    function updateMessage(node, message) {
        node.dataset.status = message.status || 'none';
        if (message.errorCode !== undefined && message.errorCode !== null) {
            node.dataset.errorCode = String(message.errorCode);
        } else {
            delete node.dataset.errorCode;
        }
        const status = node.querySelector('[data-testid="message-status"]');
        if (status) {
            status.className = 'status ' + (message.status || 'none');
            status.textContent = STATUS_TEXT[message.status]
                || message.status
                || (message.channel === 'qr' ? 'accepted (a QR send gets no receipts)' : 'accepted');
        }
        let error = node.querySelector('[data-testid="message-error"]');
        if (message.status === 'failed') {
            if (!error) {
                error = el('p', { className: 'error', 'data-testid': 'message-error' });
                node.querySelector('.bubble').append(error);
            }
            error.textContent = 'Failed with ' + printable(message.errorCode) + (message.errorTitle ? ': ' + message.errorTitle : '');
        } else if (error) {
            error.remove();
        }
        const markRead = node.querySelector('[data-testid="mark-read"]');
        if (markRead) {
            markRead.disabled = message.status === 'read' || message.status === 'failed';
        }
        const failSend = node.querySelector('[data-testid="fail-send"]');
        if (failSend) {
            failSend.disabled = message.status === 'failed';
        }
    }

    // ---- the sandbox's own state ----

    function renderBusinessNumbers(phoneNumbers) {
        const select = $('new-business');
        const numbers = [...new Set(phoneNumbers.map(e164))];
        const shown = [...select.options].map((option) => option.value);
        if (numbers.join(' ') !== shown.join(' ')) {
            const chosen = select.value;
            select.replaceChildren(...numbers.map((number) => el('option', { value: number, text: number })));
            if (numbers.includes(chosen)) {
                select.value = chosen;
            }
        }
    }

    function table(caption, headings, rows) {
        return el('table', {},
            el('caption', { className: 'visually-hidden', text: caption }),
            el('thead', {}, el('tr', {}, headings.map((heading) => el('th', { scope: 'col', text: heading })))),
            el('tbody', {}, rows));
    }

    function renderApiKeys(apiKeys) {
        const container = $('api-keys');
        keepingFocus(container, () => {
            if (!apiKeys.length) {
                container.replaceChildren(el('p', { className: 'empty', text: 'No API key.' }));
                return;
            }
            container.replaceChildren(el('ul', { className: 'keys' }, apiKeys.map((key) => el('li', {
                className: 'key',
                'data-testid': 'api-key',
                'data-api-key': key.name,
            },
            el('p', {},
                el('strong', { text: key.name }),
                [key.scope ? 'scope ' + key.scope : null, (key.services || []).join(', ') || null]
                    .filter((part) => part !== null)
                    .map((part) => el('span', { className: 'key-detail', text: ' \u00b7 ' + part }))),
            el('p', { text: 'Numbers: ' + ((key.phoneNumbers || []).map(e164).join(', ') || 'none') + (key.allNumbers ? ' (all)' : '') }),
            el('p', { className: 'url', text: 'Webhook: ' + (key.webhookUrl || 'none') }),
            (key.events || []).length ? el('p', { className: 'key-detail', text: 'Events: ' + key.events.join(', ') }) : null,
            el('button', {
                type: 'button',
                'data-testid': 'test-event',
                'data-api-key': key.name,
                'data-focus-key': 'test-event ' + key.name,
                disabled: !key.webhookUrl,
                title: key.webhookUrl ? 'Delivers a signed test event to the key\u2019s webhook URL' : 'The key has no webhook URL',
                text: 'Send test event',
                on: { click: () => post('test-event', { apiKey: key.name }, 'Test event for ' + key.name) },
            })))));
        });
    }

    function renderServiceWindows(windows) {
        const container = $('service-windows');
        if (!windows.length) {
            container.replaceChildren(el('p', { className: 'empty', text: 'No window is open: templates only.' }));
            return;
        }
        container.replaceChildren(table('Service windows', ['customer', 'business', 'open until'],
            windows.map((w) => el('tr', {
                'data-testid': 'service-window',
                'data-customer': e164(w.customer),
                'data-business': e164(w.business),
                'data-open': w.open === undefined ? null : String(w.open),
            },
            el('td', { text: e164(w.customer) }),
            el('td', { text: e164(w.business) }),
            el('td', {},
                el('time', { title: printable(w.openUntil), text: dateTime(w.openUntil) }),
                w.open === false ? el('span', { className: 'closed', text: ' (closed: templates only)' }) : null)))));
    }

    function quota(limit, used) {
        return used + ' of ' + (limit ? limit : 'unlimited');
    }

    function renderQuotas(quotas) {
        const container = $('quotas');
        if (!quotas.length || !quotas.every((q) => 'apiKey' in q)) {
            renderTable(container, quotas, 'quota', 'No API key.');
            return;
        }
        container.replaceChildren(table('Quotas used', ['key', 'last minute', 'last hour'],
            quotas.map((q) => el('tr', { 'data-testid': 'quota', 'data-api-key': q.apiKey },
                el('td', { text: q.apiKey }),
                el('td', { text: quota(q.perMinute, q.usedLastMinute) }),
                el('td', { text: quota(q.perHour, q.usedLastHour) })))));
    }

    function renderFaults(faults) {
        const container = $('faults');
        if (!faults.length || !faults.every((f) => 'description' in f)) {
            renderTable(container, faults, 'fault', 'No fault is armed: every API request is answered as the rules say.');
            return;
        }
        container.replaceChildren(el('ul', {}, faults.map((f) => el('li', { 'data-testid': 'fault', 'data-fault': f.fault },
            el('code', { text: printable(f.fault) }), ': ', printable(f.description)))));
    }

    /** A table of flat objects whose fields the page does not know in advance. */
    function renderTable(container, rows, testid, empty) {
        if (!rows.length) {
            container.replaceChildren(el('p', { className: 'empty', text: empty }));
            return;
        }
        if (rows.some((row) => row === null || typeof row !== 'object')) {
            container.replaceChildren(el('ul', {}, rows.map((row) => el('li', { 'data-testid': testid, text: printable(row) }))));
            return;
        }
        const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
        container.replaceChildren(table(testid, columns,
            rows.map((row) => el('tr', { 'data-testid': testid }, columns.map((column) => el('td', { text: printable(row[column]) }))))));
    }

    function attemptText(attempt, number) {
        const parts = ['#' + number, time(attempt.at)];
        if (attempt.status) {
            parts.push('\u2192 ' + attempt.status);
        }
        if (attempt.error) {
            parts.push('\u2192 ' + attempt.error);
        }
        if (attempt.durationMs !== undefined && attempt.durationMs !== null) {
            parts.push('in ' + attempt.durationMs + ' ms');
        }
        if (attempt.nextRetryAt) {
            parts.push('\u00b7 next try ' + time(attempt.nextRetryAt));
        }
        return parts.join(' ');
    }

    function renderDeliveries(deliveries, total) {
        const container = $('deliveries');
        if (!deliveries.length) {
            container.replaceChildren(el('p', { className: 'empty', text: 'No webhook delivered yet.' }));
            return;
        }
        const open = new Set([...container.querySelectorAll('details[open][data-delivery-body]')]
            .map((d) => d.getAttribute('data-delivery-body')));
        const previous = container.querySelector('.deliveries');
        const scrolled = previous ? previous.scrollTop : 0;
        // newest first
        container.replaceChildren(
            total > deliveries.length ? el('p', { className: 'empty', text: 'The newest ' + deliveries.length + ' of ' + total + '.' }) : '',
            el('ul', { className: 'deliveries' },
            deliveries.slice().reverse().map((delivery) => el('li', {
                className: 'delivery ' + String(delivery.state || '').toLowerCase(),
                'data-testid': 'delivery',
                'data-delivery-id': delivery.id,
                'data-state': delivery.state,
            },
            el('p', {},
                el('strong', { text: printable(delivery.kind || delivery.event) }),
                delivery.subject ? el('span', { className: 'id', text: ' ' + printable(delivery.subject) }) : null),
            el('p', {},
                el('span', { className: 'state', text: printable(delivery.state) }),
                ' to ' + (delivery.apiKey ? delivery.apiKey + ' at ' : '') + printable(delivery.url)),
            el('p', { className: 'id', text: 'X-WAAPI-Event ' + printable(delivery.event) + ', delivery ' + printable(delivery.id) }),
            el('ol', { className: 'attempts' },
                (delivery.attempts || []).map((attempt, i) => el('li', {
                    'data-testid': 'attempt',
                    'data-status': attempt.status,
                    text: attemptText(attempt, attempt.number || i + 1),
                }))),
            delivery.body !== undefined && delivery.body !== null ? el('details', {
                'data-delivery-body': delivery.id,
                open: open.has(String(delivery.id)),
            },
            el('summary', { text: 'Signed body' }),
            el('pre', { text: typeof delivery.body === 'string' ? delivery.body : JSON.stringify(delivery.body, null, 2) })) : null))));
        container.querySelector('.deliveries').scrollTop = scrolled;
    }

    // ---- the customer's forms ----

    function conversationShown() {
        const state = view.state;
        return state && (state.conversations || []).find((c) => conversationKey(c) === view.selected);
    }

    function onSubmit(testid, action) {
        $(testid).addEventListener('submit', async (event) => {
            event.preventDefault();
            const form = event.target;
            if (!form.reportValidity()) {
                return;
            }
            const answer = await action(new FormData(form));
            if (answer) {
                form.reset();
            }
        });
    }

    function wire() {
        onSubmit('reply-form', (data) => {
            const c = conversationShown();
            return c ? post('reply', { customer: e164(c.customer), business: e164(c.business), text: data.get('text') }, 'Reply') : null;
        });
        onSubmit('media-form', (data) => {
            const c = conversationShown();
            return c ? post('media', {
                customer: e164(c.customer),
                business: e164(c.business),
                type: data.get('type'),
                caption: data.get('caption') || null,
                link: data.get('link'),
            }, 'Media') : null;
        });
        onSubmit('location-form', (data) => {
            const c = conversationShown();
            return c ? post('location', {
                customer: e164(c.customer),
                business: e164(c.business),
                latitude: Number(data.get('latitude')),
                longitude: Number(data.get('longitude')),
                name: data.get('name') || null,
                address: data.get('address') || null,
            }, 'Location') : null;
        });
        onSubmit('new-form', async (data) => {
            const customer = String(data.get('customer')).trim();
            const business = data.get('business');
            const answer = await post('reply', { customer: customer, business: business, text: data.get('text') }, 'Message from ' + customer);
            if (answer) {
                view.selected = customer.replace(/^\+/, '') + ' ' + String(business).replace(/^\+/, '');
            }
            return answer;
        });
        // Enter sends the reply, Shift+Enter starts a new line, as chat apps do
        for (const id of ['reply-input', 'new-text']) {
            $(id).addEventListener('keydown', (event) => {
                if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                    event.preventDefault();
                    event.target.form.requestSubmit();
                }
            });
        }
    }

    wire();
    refresh();
    connect();
})();
