// Generated from openapi.yaml by `npm run generate`. Do not edit.

export type paths = {
    "/api/management/security/users/{userIdentifier}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description `@current` for the caller, else the user's id (a UUID), else its email, else its username (case-insensitive): `4b262379-5bbe-421e-a429-f6e2ab5a849b`, `t.durden@fightclub.com`, `tdurden` and `@current` (as that user) all address the same demo user.
                 * @example 4b262379-5bbe-421e-a429-f6e2ab5a849b
                 */
                userIdentifier: components["parameters"]["ContensisUserIdentifier"];
            };
            cookie?: never;
        };
        /**
         * Get a user (Contensis)
         * @description Returns the user profile resource that a `PUT` replaces, with its `ETag`. Only the user itself and a member of the System Administrators group can read it.
         */
        get: operations["getContensisUser"];
        /**
         * Update a user (Contensis)
         * @description Replaces the user profile resource: `username` and `email` are required, and optional fields that are
         *     omitted are cleared. A representation obtained by `GET`, edited and sent back is accepted: `id` and
         *     `sys` are read-only and ignored when unchanged (`sys.modified` is always ignored), refused with 422 when
         *     they differ from the stored values. Only the user itself and a member of the System Administrators group
         *     can update a user.
         */
        put: operations["updateContensisUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/{id}/profile": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the user (its username).
                 * @example jonny1
                 */
                id: components["parameters"]["CamundaUserId"];
            };
            cookie?: never;
        };
        /**
         * Get a user's profile (Camunda)
         * @description Returns the profile that a `PUT` replaces, with its `ETag`.
         */
        get: operations["getCamundaUserProfile"];
        /**
         * Update a user's profile (Camunda)
         * @description Replaces `firstName`, `lastName` and `email` of an existing user; omitted properties become null. The
         *     body's `id`, when present, must equal the path's `id`. The email is validated.
         */
        put: operations["updateCamundaUserProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's number, or `current` for the caller.
                 * @example 5
                 */
                id: components["parameters"]["DeviceHiveUserId"];
            };
            cookie?: never;
        };
        /**
         * Get a user (DeviceHive)
         * @description Returns the user resource, with its `ETag`. `current` addresses the caller.
         */
        get: operations["getDeviceHiveUser"];
        /**
         * Update a user (DeviceHive)
         * @description Changes only the properties sent. Administrators may update any property of any user; other users can
         *     only change their own `password` and `data` (anything else is 403 "Admin permissions required for this
         *     action"). `data` replaces the stored object when sent.
         */
        put: operations["updateDeviceHiveUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id.
                 * @example 2f0c7d7e-52c5-4c55-9a43-7f7e3a1a9b10
                 */
                id: components["parameters"]["StrapiUserId"];
            };
            cookie?: never;
        };
        /**
         * Get a user (Strapi)
         * @description Returns the user with its role and reports, with its `ETag`.
         */
        get: operations["getStrapiUser"];
        /**
         * Update a user (Strapi)
         * @description Changes only the properties sent. A user may change its own `username`, `email` and `password`;
         *     everything else is for administrators (403 naming the property). `role` takes a role's id, name or
         *     type. `reports` sets exactly which reports the user owns. `password` and the two tokens are write-only.
         *
         *     The body may be JSON, XML (root element `item`, a repeated element becomes an array) or
         *     `application/x-www-form-urlencoded` (a repeated key becomes an array); XML and form values are converted
         *     to the schema's booleans and arrays. A form-typed body that holds JSON text is read as JSON. In XML:
         *
         *     ```xml
         *     <?xml version="1.0" encoding="utf-8"?>
         *     <item>
         *       <username>jlopez</username>
         *       <confirmed>false</confirmed>
         *       <reports>maia-c6cbaa76ba8f</reports>
         *       <reports>maia-3b5a054c593d</reports>
         *     </item>
         *     ```
         *
         *     XML with a DOCTYPE or entity declarations is refused.
         */
        put: operations["updateStrapiUser"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find users (SCIM)
         * @description Lists the users a filter selects (RFC 7644 §3.4.2), as a `ListResponse`: every operator (`eq`, `ne`, `co`,
         *     `sw`, `ew`, `gt`, `ge`, `lt`, `le`, `pr`), `and`, `or`, `not`, grouping and value paths
         *     (`emails[type eq "work"].value eq "…"`) on every attribute of the User schema but `password`, and on
         *     `meta.created` and `meta.lastModified` (`meta.lastModified gt "2026-01-01T00:00:00Z"` finds what changed
         *     since). String comparisons follow the attribute's `caseExact`. Sorted by `sortBy` (`sortOrder`
         *     `ascending` by default), else in the order users were created. Paged by `startIndex` and `count`
         *     (`totalResults`, `itemsPerPage`, `startIndex` in the answer), or by cursor (RFC 9865: `cursor` empty for
         *     the first page, then each answer's `nextCursor`; the last page has none), which costs the same on every
         *     page. Users without a value of `sortBy` come last when ascending, first when descending. `count` defaults to 100 and may be at most 1,000 (`tooMany` above). `attributes` and
         *     `excludedAttributes` choose what each resource holds (`id` and `schemas` always). An administrator sees
         *     every user; anyone else only itself.
         */
        get: operations["listScimUsers"];
        put?: never;
        /**
         * Create a user (SCIM)
         * @description Creates a user (RFC 7644 §3.3): 201 with the User, its `Location` and `ETag`. `userName` is required;
         *     `active` defaults to true; `password` is stored hashed and never returned. A `userName`, `externalId` or
         *     primary email another user has is 409 `uniqueness` (userName and email compared case-insensitively,
         *     externalId exactly; a userName may not be another user's email either). Attributes this directory does not
         *     store are ignored. The new user gets the role `PROVISIONED_ROLE` names (default `client`, the least
         *     privileged). Administrators only.
         */
        post: operations["createScimUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Users/.search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find users, the query in the body (SCIM)
         * @description The same search as `GET /scim/v2/Users` (RFC 7644 §3.4.3), its parameters given as a `SearchRequest`, so that a long filter need not fit in a URL.
         */
        post: operations["searchScimUsers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id.
                 * @example 2819c223-7f76-453a-919d-413861904646
                 */
                id: components["parameters"]["ScimUserId"];
            };
            cookie?: never;
        };
        /**
         * Get a user (SCIM)
         * @description Returns the User resource (RFC 7643 §4.1) with its `ETag`, which `meta.version` repeats, and its URI in `Content-Location`, which `meta.location` repeats. `attributes` and `excludedAttributes` choose what it holds (RFC 7644 §3.9). Only the user itself and an administrator can read it.
         */
        get: operations["getScimUser"];
        /**
         * Replace a user (SCIM)
         * @description Replaces the User (RFC 7644 §3.5.1). `userName` is required; `externalId`, `name`, `displayName`,
         *     `emails`, `locale`, `preferredLanguage` and `timezone` that are omitted are cleared; `active` and the
         *     write-only `password` that are omitted are kept. Read-only attributes (`id`, `meta`) and attributes this
         *     directory does not store (other schemas' too, such as the enterprise extension) are ignored, so a resource
         *     obtained by `GET`, edited and sent back is accepted. Attribute names are case-insensitive. `emails` are
         *     kept as sent (value, type, primary); the primary one (else the first) is the user's email in the other
         *     contracts. Administrators only.
         */
        put: operations["replaceScimUser"];
        post?: never;
        /**
         * Delete a user (SCIM)
         * @description Deletes the user (RFC 7644 §3.6): 204, and afterwards the user is 404 through every contract. With
         *     `If-Match`, only if the user has not changed since. Its reports are released; the audit history is kept.
         *     The last active administrator cannot be deleted (409). Administrators only.
         */
        delete: operations["deleteScimUser"];
        options?: never;
        head?: never;
        /**
         * Modify a user (SCIM)
         * @description Applies a `PatchOp` (RFC 7644 §3.5.2) to the User, all operations or none: `add`, `replace` and `remove`,
         *     on simple and complex attribute paths (`name.givenName`), on value-selection filters
         *     (`emails[type eq "work"].value`), and without a path (`replace` with an object whose keys may themselves
         *     be paths). What identity providers send is accepted as they send it: `op` in any case (`Replace`),
         *     `"True"` and `"False"` as booleans, an `add` or `replace` through an `eq` filter that matches no value
         *     adds one, and attributes this directory does not store are ignored. Changing `id` or `meta` is refused
         *     (`mutability`); removing `active` or `password`, which have no unassigned state here, is refused
         *     (`invalidValue`). A value made `primary` takes that place from the others and becomes the user's email;
         *     adding a value that is already there changes nothing. `active: false` disables the user. Administrators
         *     only.
         */
        patch: operations["patchScimUser"];
        trace?: never;
    };
    "/scim/v2/ServiceProviderConfig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What this SCIM service supports (SCIM discovery)
         * @description RFC 7644 §4, with RFC 9865's `pagination`. Served without a token, like this specification; `meta.location` is this server's URL for it (`PUBLIC_BASE_URL`, else the request's).
         */
        get: operations["getScimServiceProviderConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/ResourceTypes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The resource types served (SCIM discovery)
         * @description RFC 7644 §4. Served without a token, like this specification.
         */
        get: operations["getScimResourceTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The attributes of a User (SCIM discovery)
         * @description RFC 7643 §7 and RFC 7644 §4. The attributes this directory stores; the patch and replace operations read the same document (attribute names, types, multiplicity, mutability). Served without a token, like this specification.
         */
        get: operations["getScimSchemas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/ResourceTypes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of a resource type.
                 * @example User
                 */
                id: components["parameters"]["ScimResourceTypeId"];
            };
            cookie?: never;
        };
        /**
         * One resource type (SCIM discovery)
         * @description A resource of `GET /scim/v2/ResourceTypes` by its id (`User`), at its `meta.location` (RFC 7644 §4). Served without a token.
         */
        get: operations["getScimResourceType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/scim/v2/Schemas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of a schema (its URN).
                 * @example urn:ietf:params:scim:schemas:core:2.0:User
                 */
                id: components["parameters"]["ScimSchemaId"];
            };
            cookie?: never;
        };
        /**
         * One schema (SCIM discovery)
         * @description A resource of `GET /scim/v2/Schemas` by its id (`urn:ietf:params:scim:schemas:core:2.0:User`), at its `meta.location` (RFC 7644 §4). Served without a token.
         */
        get: operations["getScimSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/users/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id (a deleted user's too).
                 * @example 4b262379-5bbe-421e-a429-f6e2ab5a849b
                 */
                id: string;
            };
            cookie?: never;
        };
        /**
         * A user's changes, newest first
         * @description Every change made to the user, through any contract, newest first: when, who (the actor's id and current
         *     name), through which contract, and each changed field's old and new value. Secrets (passwords, tokens) show
         *     only `{"changed": true}`. Paged by `before` (the `next` of the previous page). A deleted user's history is
         *     kept and readable by administrators. An administrator reads anyone's history; a user its own.
         */
        get: operations["listUserHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change, as CloudEvents, in feed order
         * @description The change feed: every change to any user, as CloudEvents 1.0 in JSON (structured mode), each written in the
         *     same transaction as its change (no change without its event, no event without its change). `type` is
         *     `users-api.user.created`, `users-api.user.updated` or `users-api.user.deleted`; `subject` the user's id;
         *     `data` names the changed fields and the user's new version (its `ETag`'s value; null once deleted), never a
         *     value. Read from `after` (the `next` of the previous answer; omitted: from the oldest event kept, `latest`:
         *     from now on) up to `limit` events; with `wait`, an answer that would be empty waits up to that many seconds
         *     for events (a long poll). An event is given once its transaction and every older one have ended, so a
         *     reader that follows `next` misses none, and a user's events come in the order of its changes. Events are
         *     kept `EVENT_RETENTION_HOURS` (default a week). Administrators only.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/directory/deliveries/dead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries that failed for good
         * @description Events a subscription (the webhook of `WEBHOOK_URL`, NATS) could not take within its retry window (`EVENT_RETRY_HOURS`, default 24), oldest first, with the last error. They are also counted in `/metrics`. Administrators only.
         */
        get: operations["listDeadDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This specification in YAML
         * @description The hand-written specification that the server validates every request against.
         */
        get: operations["getOpenApiYaml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This specification in JSON
         * @description The same specification as `/openapi.yaml`, as JSON.
         */
        get: operations["getOpenApiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Interactive API reference
         * @description A Swagger UI page over `/openapi.json`, served from the server itself.
         */
        get: operations["getApiReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description 200 while the process serves HTTP, whatever the state of the database.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description 200 when the database answers and bearer tokens can be verified; 503, saying why, when the database does not answer or the identity provider's keys (`JWT_JWKS_URL`) have not been fetched yet.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Request durations by operation, requests in flight, the database connection pool and query durations,
         *     and the process's and Node.js's own metrics, in the Prometheus text format. `METRICS=false` turns them
         *     off; with `METRICS_PORT` set they are served on that port instead, and this path answers 404 here.
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok" | "ready" | "unavailable";
            /** @description Why the service is unavailable. */
            reason?: string;
        };
        UserHistory: {
            changes: components["schemas"]["HistoryEntry"][];
            /** @description The `before` of the next page; absent on the last one. */
            next?: string;
        };
        HistoryEntry: {
            id: string;
            at: components["schemas"]["Timestamp"];
            /** @description Who made the change (null for a bulk import); `name` is null once that user is deleted. */
            actor: {
                id: string | null;
                name: string | null;
            };
            /** @description The contract the change came through (`contensis`, `camunda`, `devicehive`, `strapi`, `scim`). */
            contract: string;
            /** @enum {string} */
            kind: "created" | "updated" | "deleted";
            /** @description The user's version after the change (its `ETag`'s value); for a deletion, its last. */
            version: number | null;
            /** @description By field (the directory's names, such as `email`, `first_name`, `status`), its old and new value; `{"changed": true}` for a secret. `reports` and `actorName` may also show that a user's reports or the name of its creator or last updater changed. */
            changes: {
                [key: string]: components["schemas"]["FieldChange"];
            };
        };
        FieldChange: {
            old?: components["schemas"]["FieldValue"];
            new?: components["schemas"]["FieldValue"];
            /** @description A secret changed (its values are never shown). */
            changed?: boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description A field's value, before or after a change. */
        FieldValue: (string | null) | boolean | number | {
            [key: string]: unknown;
        } | (string | {
            [key: string]: unknown;
        })[];
        EventPage: {
            events: components["schemas"]["UserEvent"][];
            /** @description The `after` to read on from; absent only while no event was ever readable. */
            next?: string;
        };
        /** @description A CloudEvents 1.0 event in structured JSON. */
        UserEvent: {
            /** @enum {string} */
            specversion: "1.0";
            /** @description Unique in this directory; a webhook's `webhook-id` and NATS's `Nats-Msg-Id`. */
            id: string;
            /** Format: uri-reference */
            source: string;
            /** @enum {string} */
            type: "users-api.user.created" | "users-api.user.updated" | "users-api.user.deleted";
            /** @description The user's id. */
            subject: string;
            time: components["schemas"]["Timestamp"];
            /** @enum {string} */
            datacontenttype: "application/json";
            data: {
                version: number | null;
                changed: string[];
                contract: string;
                actor: string | null;
            };
        };
        DeadDeliveries: {
            deliveries: {
                /** @enum {string} */
                subscription: "webhook" | "nats";
                eventId: string;
                subject: string;
                attempts: number;
                lastError: string | null;
                since: components["schemas"]["Timestamp"];
            }[];
        };
        /** @description The body of errors outside the five contracts (an undocumented path, a bad query string on a service route). */
        Error: {
            code: number;
            message: string;
        };
        FieldError: {
            /** @description Where the fault is, as a path into the request (`email`, `custom.department`, `If-Match`). */
            field: string;
            message: string;
        };
        /** @description Unique case-insensitively, and no other user's email; no white space. May be email-shaped (`jdoe@example.com`), as identity providers' user names often are. */
        Username: string;
        /**
         * Format: email
         * @description Unique case-insensitively.
         */
        Email: string;
        PersonName: string | null;
        /** @description Any JSON object, at most 64 keys at the top, 8 levels deep and 16 KiB as JSON. Its members are kept in the order they were sent (a reordering alone is a change); no key or string may hold a NUL character or an unpaired surrogate. */
        Attributes: {
            [key: string]: unknown;
        };
        Password: string;
        /** @description Stored hashed, never returned; null clears it. */
        SecretToken: string | null;
        /** @description The user's opaque id (a UUID unless imported otherwise). */
        UserId: string;
        /** Format: date-time */
        Timestamp: string;
        ContensisUser: {
            id: components["schemas"]["UserId"];
            username: components["schemas"]["Username"];
            email: string | null;
            firstname: components["schemas"]["PersonName"];
            lastname: components["schemas"]["PersonName"];
            timezone: string | null;
            language: string | null;
            custom: components["schemas"]["Attributes"];
            sys: components["schemas"]["ContensisUserSys"];
        };
        ContensisUserSys: {
            id: components["schemas"]["UserId"];
            status: components["schemas"]["ContensisUserStatus"];
            created: components["schemas"]["Timestamp"];
            modified: components["schemas"]["Timestamp"];
        };
        /** @enum {string} */
        ContensisUserStatus: "active" | "locked" | "disabled";
        /** @description The read-only `sys` of a representation obtained by `GET`; accepted only when unchanged. */
        ContensisUserSysEcho: {
            id?: components["schemas"]["UserId"];
            status?: components["schemas"]["ContensisUserStatus"];
            created?: components["schemas"]["Timestamp"];
            modified?: components["schemas"]["Timestamp"];
        };
        ContensisUserUpdate: {
            id?: components["schemas"]["UserId"];
            username: components["schemas"]["Username"];
            email: components["schemas"]["Email"];
            firstname?: components["schemas"]["PersonName"];
            lastname?: components["schemas"]["PersonName"];
            /** @description An IANA time zone name. */
            timezone?: string | null;
            /** @description A BCP 47 language tag. */
            language?: string | null;
            custom?: components["schemas"]["Attributes"];
            sys?: components["schemas"]["ContensisUserSysEcho"];
        };
        ContensisError: {
            /**
             * Format: uuid
             * @description The id of the request in the server's log.
             */
            logId: string;
            message: string;
            /** @description The fields at fault, for validation errors. */
            data: components["schemas"]["FieldError"][];
            /** @enum {string} */
            type: "error";
        };
        CamundaProfile: {
            id: components["schemas"]["Username"];
            firstName: components["schemas"]["PersonName"];
            lastName: components["schemas"]["PersonName"];
            email: string | null;
        };
        CamundaProfileUpdate: {
            /** @description When present, must equal the path's `id`. */
            id?: string;
            firstName?: components["schemas"]["PersonName"];
            lastName?: components["schemas"]["PersonName"];
            /**
             * Format: email
             * @description Unique case-insensitively; null clears it.
             */
            email?: string | null;
        };
        CamundaError: {
            /** @enum {string} */
            type: "InvalidRequestException" | "AuthorizationException" | "AuthenticationException" | "ProcessEngineException";
            message: string;
            /** @description The caller, on an AuthorizationException. */
            userId?: string;
            missingAuthorizations?: {
                /** @enum {string} */
                permissionName: "UPDATE" | "READ";
                /** @enum {string} */
                resourceName: "User";
                resourceId: string;
            }[];
        };
        DeviceHiveUser: {
            /** Format: int64 */
            id: number;
            login: components["schemas"]["Username"];
            /**
             * @description 0 administrator, 1 client.
             * @enum {integer}
             */
            role: 0 | 1;
            /**
             * @description 0 active, 1 locked out, 2 disabled.
             * @enum {integer}
             */
            status: 0 | 1 | 2;
            /** Format: date-time */
            lastLogin: string | null;
            data: components["schemas"]["Attributes"];
            introReviewed: boolean;
        };
        DeviceHiveUserUpdate: {
            login?: components["schemas"]["Username"];
            /**
             * @description 0 administrator, 1 client.
             * @enum {integer}
             */
            role?: 0 | 1;
            /**
             * @description 0 active, 1 locked out, 2 disabled.
             * @enum {integer}
             */
            status?: 0 | 1 | 2;
            data?: components["schemas"]["Attributes"];
            password?: components["schemas"]["Password"];
            introReviewed?: boolean;
        };
        DeviceHiveError: {
            error: number;
            message: string;
        };
        StrapiRole: {
            id: string;
            name: string;
            description: string;
            /** @enum {string} */
            type: "admin" | "client";
            permissions: string[];
            /** @description Always empty; read a user's role from the user. */
            users: string[];
        };
        StrapiReport: {
            id: string;
            uuid: components["schemas"]["ReportUuid"];
            referenceId: string | null;
            type: string | null;
            processed: boolean;
            /** @description The owner's username. */
            users_permissions_user: string | null;
            score: number | null;
            scoreProbability: number | null;
            scoreConfidence: number | null;
            scoreVersion: string | null;
        };
        ReportUuid: string;
        StrapiUser: {
            id: components["schemas"]["UserId"];
            username: components["schemas"]["Username"];
            email: string | null;
            provider: string | null;
            confirmed: boolean;
            blocked: boolean;
            role: components["schemas"]["StrapiRole"];
            reports: components["schemas"]["StrapiReport"][];
            created_by: string | null;
            updated_by: string | null;
        };
        StrapiUserUpdate: {
            username?: components["schemas"]["Username"];
            email?: components["schemas"]["Email"];
            provider?: string;
            password?: components["schemas"]["Password"];
            resetPasswordToken?: components["schemas"]["SecretToken"];
            confirmationToken?: components["schemas"]["SecretToken"];
            confirmed?: boolean;
            /** @description true disables the user, false makes it active. */
            blocked?: boolean;
            /** @description A role's id, name or type. */
            role?: string;
            /** @description The uuids of exactly the reports the user owns afterwards. */
            reports?: components["schemas"]["ReportUuid"][];
        };
        StrapiError: {
            code: number;
            message: string;
            details?: components["schemas"]["FieldError"][];
        };
        /** @description A User resource (RFC 7643 §4.1) over the directory's user. Unassigned attributes are omitted; with `attributes` or `excludedAttributes`, so are those not asked for (`id` and `schemas` never are). */
        ScimUser: {
            schemas: "urn:ietf:params:scim:schemas:core:2.0:User"[];
            id: components["schemas"]["UserId"];
            externalId?: components["schemas"]["ScimExternalId"];
            userName?: components["schemas"]["Username"];
            name?: {
                formatted?: string;
                givenName?: string;
                familyName?: string;
            };
            displayName?: string;
            emails?: components["schemas"]["ScimEmail"][];
            active?: boolean;
            locale?: string;
            preferredLanguage?: string;
            timezone?: string;
            meta?: {
                /** @enum {string} */
                resourceType?: "User";
                created?: components["schemas"]["Timestamp"];
                lastModified?: components["schemas"]["Timestamp"];
                /**
                 * Format: uri
                 * @description The resource's URI, as `Content-Location` gives it.
                 */
                location?: string;
                /** @description The resource's `ETag`. */
                version?: string;
            };
        };
        /** @description An address as returned; with `attributes` or `excludedAttributes`, only the parts asked for. */
        ScimEmail: {
            value?: string;
            type?: string;
            primary?: boolean;
        };
        /** @description The provisioning client's identifier for the user; unique among users, compared exactly. */
        ScimExternalId: string;
        /** @description A User resource to store (created or replacing one). Attribute names are case-insensitive; attributes not listed here are accepted and ignored. */
        ScimUserWrite: {
            schemas?: string[];
            /** @description Read-only; ignored. */
            id?: string;
            externalId?: string | null;
            userName: components["schemas"]["Username"];
            /** @description The parts of a name not stored here (`middleName`, `honorificPrefix`, …) are ignored. */
            name?: ({
                formatted?: string | null;
                givenName?: components["schemas"]["PersonName"];
                familyName?: components["schemas"]["PersonName"];
            } & {
                [key: string]: unknown;
            }) | null;
            displayName?: string | null;
            emails?: ({
                value: components["schemas"]["Email"];
                type?: string;
                primary?: boolean;
            } & {
                [key: string]: unknown;
            })[] | null;
            active?: boolean;
            locale?: string | null;
            /** @description A BCP 47 language tag. */
            preferredLanguage?: string | null;
            /** @description An IANA time zone name. */
            timezone?: string | null;
            password?: components["schemas"]["Password"];
        } & {
            [key: string]: unknown;
        };
        /** @description A page of users (RFC 7644 §3.4.2; `nextCursor` after RFC 9865). */
        ScimListResponse: {
            schemas: "urn:ietf:params:scim:api:messages:2.0:ListResponse"[];
            /** @description How many users the filter selects (not with cursor pagination, whose pages cost the same whatever the total). */
            totalResults?: number;
            itemsPerPage: number;
            /** @description With index pagination. */
            startIndex?: number;
            /** @description With cursor pagination, the cursor of the next page; absent on the last page. */
            nextCursor?: string;
            Resources: components["schemas"]["ScimUser"][];
        };
        /** @description The parameters of a search, in a body (RFC 7644 §3.4.3); names are case-insensitive. */
        ScimSearchRequest: {
            schemas: "urn:ietf:params:scim:api:messages:2.0:SearchRequest"[];
            filter?: string;
            startIndex?: number;
            count?: number;
            cursor?: string;
            sortBy?: string;
            /** @enum {string} */
            sortOrder?: "ascending" | "descending";
            attributes?: string[];
            excludedAttributes?: string[];
        };
        ScimPatchOp: {
            schemas: "urn:ietf:params:scim:api:messages:2.0:PatchOp"[];
            Operations: components["schemas"]["ScimPatchOperation"][];
        };
        ScimPatchOperation: {
            /** @description `add`, `remove` or `replace`, in any case. */
            op: string;
            /** @description An attribute path (RFC 7644 §3.5.2); required by `remove`. */
            path?: string;
            /** @description The value to add or replace with; for an operation without a path, an object of attributes. */
            value?: string | boolean | number | {
                [key: string]: unknown;
            } | {
                [key: string]: unknown;
            }[];
        };
        ScimError: {
            schemas: "urn:ietf:params:scim:api:messages:2.0:Error"[];
            /** @description The HTTP status, as a string. */
            status: string;
            /** @enum {string} */
            scimType?: "invalidFilter" | "tooMany" | "uniqueness" | "mutability" | "invalidSyntax" | "invalidPath" | "noTarget" | "invalidValue" | "invalidVers" | "sensitive" | "invalidCursor" | "expiredCursor" | "invalidCount";
            detail?: string;
        };
        ScimMetaOfDocument: {
            resourceType: string;
            /** Format: uri */
            location: string;
        };
        ScimSupported: {
            supported: boolean;
        };
        ScimServiceProviderConfig: {
            schemas: string[];
            /** Format: uri-reference */
            documentationUri?: string;
            patch: components["schemas"]["ScimSupported"];
            bulk: {
                supported: boolean;
                maxOperations: number;
                maxPayloadSize: number;
            };
            filter: {
                supported: boolean;
                maxResults: number;
            };
            changePassword: components["schemas"]["ScimSupported"];
            sort: components["schemas"]["ScimSupported"];
            etag: components["schemas"]["ScimSupported"];
            /** @description RFC 9865 §4. */
            pagination?: {
                cursor: boolean;
                index: boolean;
                /** @enum {string} */
                defaultPaginationMethod?: "cursor" | "index";
                defaultPageSize?: number;
                maxPageSize?: number;
                cursorTimeout?: number;
            };
            authenticationSchemes: {
                type: string;
                name: string;
                description: string;
                primary?: boolean;
            }[];
            meta: components["schemas"]["ScimMetaOfDocument"];
        };
        ScimResourceTypeList: {
            schemas: string[];
            totalResults: number;
            itemsPerPage?: number;
            startIndex?: number;
            Resources: components["schemas"]["ScimResourceType"][];
        };
        /** @description A resource type (RFC 7643 §6). */
        ScimResourceType: {
            schemas: string[];
            id: string;
            name: string;
            endpoint: string;
            description?: string;
            schema: string;
            meta: components["schemas"]["ScimMetaOfDocument"];
        };
        ScimSchemaList: {
            schemas: string[];
            totalResults: number;
            itemsPerPage?: number;
            startIndex?: number;
            Resources: components["schemas"]["ScimSchema"][];
        };
        /** @description A schema (RFC 7643 §7). */
        ScimSchema: {
            schemas: string[];
            id: string;
            name: string;
            description?: string;
            attributes: components["schemas"]["ScimAttribute"][];
            meta: components["schemas"]["ScimMetaOfDocument"];
        };
        /** @description An attribute definition (RFC 7643 §7). */
        ScimAttribute: {
            name: string;
            /** @enum {string} */
            type: "string" | "boolean" | "decimal" | "integer" | "dateTime" | "reference" | "complex" | "binary";
            multiValued: boolean;
            description?: string;
            required: boolean;
            caseExact?: boolean;
            canonicalValues?: string[];
            /** @enum {string} */
            mutability: "readOnly" | "readWrite" | "immutable" | "writeOnly";
            /** @enum {string} */
            returned: "always" | "never" | "default" | "request";
            /** @enum {string} */
            uniqueness?: "none" | "server" | "global";
            subAttributes?: components["schemas"]["ScimSubAttribute"][];
        };
        /** @description A sub-attribute definition (RFC 7643 §7); sub-attributes have none of their own. */
        ScimSubAttribute: {
            name: string;
            /** @enum {string} */
            type: "string" | "boolean" | "decimal" | "integer" | "dateTime" | "reference" | "complex" | "binary";
            multiValued: boolean;
            description?: string;
            required: boolean;
            caseExact?: boolean;
            canonicalValues?: string[];
            /** @enum {string} */
            mutability: "readOnly" | "readWrite" | "immutable" | "writeOnly";
            /** @enum {string} */
            returned: "always" | "never" | "default" | "request";
            /** @enum {string} */
            uniqueness?: "none" | "server" | "global";
        };
    };
    responses: {
        /** @description No bearer token, or one that is not valid. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 401,
                 *       "message": "A bearer token is required."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The caller may not read this. */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 403,
                 *       "message": "Only the user itself or an administrator can do this."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Nothing was ever recorded of that user. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 404,
                 *       "message": "User 'nobody' was not found."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The database does not answer; try again later. */
        Unavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 503,
                 *       "message": "The directory is unavailable; try again later."
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The query string or path is not valid. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 400,
                 *       "message": "Unknown query parameter 'x'"
                 *     }
                 */
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The user. */
        ContensisUserOk: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "4b262379-5bbe-421e-a429-f6e2ab5a849b",
                 *       "username": "tdurden",
                 *       "email": "t.turden@fightclub.com",
                 *       "firstname": "Tyler",
                 *       "lastname": "Durden",
                 *       "timezone": "America/New_York",
                 *       "language": "en-US",
                 *       "custom": {
                 *         "department": "Soap sales"
                 *       },
                 *       "sys": {
                 *         "id": "4b262379-5bbe-421e-a429-f6e2ab5a849b",
                 *         "status": "active",
                 *         "created": "2024-01-15T09:30:00.000Z",
                 *         "modified": "2024-03-02T17:05:12.000Z"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ContensisUser"];
            };
        };
        /** @description The path or query string is not valid. */
        ContensisBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "Unknown query parameter 'x'",
                 *       "data": [],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description No bearer token, or one that is not valid. */
        ContensisUnauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "A bearer token is required.",
                 *       "data": [],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description The caller may not do this, or the directory is read-only. */
        ContensisForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "Only the user itself or a member of the System Administrators group can do this.",
                 *       "data": [],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description No user has that identifier. */
        ContensisNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "User 'nobody' was not found.",
                 *       "data": [],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description The username or email belongs to another user, or the change would leave no active administrator. */
        ContensisConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "The username is taken by another user.",
                 *       "data": [
                 *         {
                 *           "field": "username",
                 *           "message": "taken by another user"
                 *         }
                 *       ],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description The user has changed since the ETag in `If-Match`; nothing was changed. */
        ContensisPreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "The user has changed since that ETag (it is now \"3\"); read it again.",
                 *       "data": [],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description The body is larger than the server accepts. */
        ContensisPayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "The request body is larger than 1048576 bytes.",
                 *       "data": [],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description The body is not JSON in UTF-8. */
        ContensisUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "Unsupported media type 'text/plain'.",
                 *       "data": [],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description The body is not a valid user profile; `data` names the fields at fault. */
        ContensisUnprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "The request is not valid.",
                 *       "data": [
                 *         {
                 *           "field": "email",
                 *           "message": "must match format \"email\""
                 *         }
                 *       ],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description The server requires `If-Match` on updates. */
        ContensisPreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "This server requires If-Match with the user's ETag.",
                 *       "data": [],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description The database does not answer; try again later. */
        ContensisUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "logId": "0b7d4e5c-63d2-4a8e-9f51-0f7a9a0c2d11",
                 *       "message": "The directory is unavailable; try again later.",
                 *       "data": [],
                 *       "type": "error"
                 *     }
                 */
                "application/json": components["schemas"]["ContensisError"];
            };
        };
        /** @description The user's profile. */
        CamundaProfileOk: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "jonny1",
                 *       "firstName": "John",
                 *       "lastName": "Doe",
                 *       "email": "john.doe@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["CamundaProfile"];
            };
        };
        /** @description Request successful. */
        CamundaNoContent: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The request is not valid (for example, an email that is not an email address). */
        CamundaBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "InvalidRequestException",
                 *       "message": "email: must match format \"email\""
                 *     }
                 */
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description No bearer token, or one that is not valid. */
        CamundaUnauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "AuthenticationException",
                 *       "message": "A bearer token is required."
                 *     }
                 */
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description Identity service is read-only, or the caller may not update this user. */
        CamundaForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description If the user with the requested id cannot be found. */
        CamundaNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "InvalidRequestException",
                 *       "message": "User with id nobody does not exist"
                 *     }
                 */
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description The email belongs to another user. */
        CamundaConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "InvalidRequestException",
                 *       "message": "The email is taken by another user."
                 *     }
                 */
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description The user has changed since the ETag in `If-Match`; nothing was changed. */
        CamundaPreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "InvalidRequestException",
                 *       "message": "The user has changed since that ETag (it is now \"3\"); read it again."
                 *     }
                 */
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description The body is larger than the server accepts. */
        CamundaPayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "InvalidRequestException",
                 *       "message": "The request body is larger than 1048576 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description The body is not JSON in UTF-8. */
        CamundaUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "InvalidRequestException",
                 *       "message": "Unsupported media type 'text/plain'."
                 *     }
                 */
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description The server requires `If-Match` on updates. */
        CamundaPreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "InvalidRequestException",
                 *       "message": "This server requires If-Match with the user's ETag."
                 *     }
                 */
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description The database does not answer; try again later. */
        CamundaUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "ProcessEngineException",
                 *       "message": "The directory is unavailable; try again later."
                 *     }
                 */
                "application/json": components["schemas"]["CamundaError"];
            };
        };
        /** @description The user. */
        DeviceHiveUserOk: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": 5,
                 *       "login": "dhclient",
                 *       "role": 1,
                 *       "status": 0,
                 *       "lastLogin": null,
                 *       "data": {
                 *         "theme": "dark"
                 *       },
                 *       "introReviewed": false
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveUser"];
            };
        };
        /** @description The user was updated. */
        DeviceHiveNoContent: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The request is not valid. */
        DeviceHiveBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 400,
                 *       "message": "password: must NOT have fewer than 6 characters"
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description No bearer token, or one that is not valid. */
        DeviceHiveUnauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 401,
                 *       "message": "A bearer token is required."
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description A client changing another user, or a property other than its password and data. */
        DeviceHiveForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 403,
                 *       "message": "Admin permissions required for this action"
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description No user has that number. */
        DeviceHiveNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 404,
                 *       "message": "User with id = 42 not found"
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description The login belongs to another user, or the change would leave no active administrator. */
        DeviceHiveConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 409,
                 *       "message": "The username is taken by another user."
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description The user has changed since the ETag in `If-Match`; nothing was changed. */
        DeviceHivePreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 412,
                 *       "message": "The user has changed since that ETag (it is now \"3\"); read it again."
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description The body is larger than the server accepts. */
        DeviceHivePayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 413,
                 *       "message": "The request body is larger than 1048576 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description The body is not JSON in UTF-8. */
        DeviceHiveUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 415,
                 *       "message": "Unsupported media type 'text/plain'."
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description The server requires `If-Match` on updates. */
        DeviceHivePreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 428,
                 *       "message": "This server requires If-Match with the user's ETag."
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description The database does not answer; try again later. */
        DeviceHiveUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "error": 503,
                 *       "message": "The directory is unavailable; try again later."
                 *     }
                 */
                "application/json": components["schemas"]["DeviceHiveError"];
            };
        };
        /** @description The user. */
        StrapiUserOk: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "2f0c7d7e-52c5-4c55-9a43-7f7e3a1a9b10",
                 *       "username": "jlopez",
                 *       "email": "test@mydomain.com",
                 *       "provider": "local",
                 *       "confirmed": false,
                 *       "blocked": false,
                 *       "role": {
                 *         "id": "2",
                 *         "name": "Authenticated",
                 *         "description": "Default role given to authenticated users.",
                 *         "type": "client",
                 *         "permissions": [
                 *           "users.me.update"
                 *         ],
                 *         "users": []
                 *       },
                 *       "reports": [
                 *         {
                 *           "id": "d0fea516-9b58-4cf5-ab86-bb7e983e4b0c",
                 *           "uuid": "maia-8439cc39b63b",
                 *           "referenceId": "96234",
                 *           "type": "reference",
                 *           "processed": true,
                 *           "users_permissions_user": "jlopez",
                 *           "score": 98,
                 *           "scoreProbability": 96,
                 *           "scoreConfidence": 99,
                 *           "scoreVersion": "v-ab86"
                 *         }
                 *       ],
                 *       "created_by": "admin",
                 *       "updated_by": "admin"
                 *     }
                 */
                "application/json": components["schemas"]["StrapiUser"];
            };
        };
        /** @description Validation error, if the input data is invalid; `details` names the fields at fault. */
        StrapiBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 400,
                 *       "message": "The request is not valid.",
                 *       "details": [
                 *         {
                 *           "field": "email",
                 *           "message": "must match format \"email\""
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description No bearer token, or one that is not valid. */
        StrapiUnauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 401,
                 *       "message": "A bearer token is required."
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description The caller may not update this user, or this property. */
        StrapiForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 403,
                 *       "message": "Only an administrator may change: role"
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description User not found, if no user matches the provided id. */
        StrapiNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 404,
                 *       "message": "User '12399' was not found."
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description The username or email belongs to another user, or the change would leave no active administrator. */
        StrapiConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 409,
                 *       "message": "The email is taken by another user.",
                 *       "details": [
                 *         {
                 *           "field": "email",
                 *           "message": "taken by another user"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description The user has changed since the ETag in `If-Match`; nothing was changed. */
        StrapiPreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 412,
                 *       "message": "The user has changed since that ETag (it is now \"3\"); read it again."
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description The body is larger than the server accepts. */
        StrapiPayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 413,
                 *       "message": "The request body is larger than 1048576 bytes."
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description The body is not JSON, XML or a form, in UTF-8. */
        StrapiUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 415,
                 *       "message": "Unsupported media type 'text/plain'."
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description The server requires `If-Match` on updates. */
        StrapiPreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 428,
                 *       "message": "This server requires If-Match with the user's ETag."
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description The database does not answer; try again later. */
        StrapiUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "code": 503,
                 *       "message": "The directory is unavailable; try again later."
                 *     }
                 */
                "application/json": components["schemas"]["StrapiError"];
            };
        };
        /** @description The user. */
        ScimUserOk: {
            headers: {
                ETag: components["headers"]["ETag"];
                "Content-Location": components["headers"]["ContentLocation"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:schemas:core:2.0:User"
                 *       ],
                 *       "id": "2819c223-7f76-453a-919d-413861904646",
                 *       "externalId": "701984",
                 *       "userName": "bjensen",
                 *       "name": {
                 *         "formatted": "Barbara Jensen",
                 *         "givenName": "Barbara",
                 *         "familyName": "Jensen"
                 *       },
                 *       "displayName": "Barbara Jensen",
                 *       "emails": [
                 *         {
                 *           "value": "bjensen@example.com",
                 *           "type": "work",
                 *           "primary": true
                 *         }
                 *       ],
                 *       "active": true,
                 *       "locale": "en-US",
                 *       "preferredLanguage": "en-US",
                 *       "timezone": "America/Los_Angeles",
                 *       "meta": {
                 *         "resourceType": "User",
                 *         "created": "2024-01-15T09:30:00.000Z",
                 *         "lastModified": "2024-03-02T17:05:12.000Z",
                 *         "location": "http://127.0.0.1:3000/scim/v2/Users/2819c223-7f76-453a-919d-413861904646",
                 *         "version": "\"2\""
                 *       }
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimUser"];
            };
        };
        /** @description The user is created (the example, Okta's user; Okta's also has the `locale` it sent). */
        ScimUserCreated: {
            headers: {
                Location: components["headers"]["Location"];
                "Content-Location": components["headers"]["ContentLocation"];
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:schemas:core:2.0:User"
                 *       ],
                 *       "id": "7f3c2a9e-41d8-4b6f-9e0a-5c1d2b3a4f60",
                 *       "externalId": "00ujl29u0le5T6Aj10h7",
                 *       "userName": "test.user@okta.local",
                 *       "name": {
                 *         "formatted": "Test User",
                 *         "givenName": "Test",
                 *         "familyName": "User"
                 *       },
                 *       "displayName": "Test User",
                 *       "emails": [
                 *         {
                 *           "value": "test.user@okta.local",
                 *           "type": "work",
                 *           "primary": true
                 *         }
                 *       ],
                 *       "active": true,
                 *       "meta": {
                 *         "resourceType": "User",
                 *         "created": "2026-12-02T09:30:00.000Z",
                 *         "lastModified": "2026-12-02T09:30:00.000Z",
                 *         "location": "http://127.0.0.1:3000/scim/v2/Users/7f3c2a9e-41d8-4b6f-9e0a-5c1d2b3a4f60",
                 *         "version": "\"1\""
                 *       }
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimUser"];
            };
        };
        /** @description The users found, one page of them. */
        ScimUserList: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:ListResponse"
                 *       ],
                 *       "totalResults": 1,
                 *       "itemsPerPage": 1,
                 *       "startIndex": 1,
                 *       "Resources": [
                 *         {
                 *           "schemas": [
                 *             "urn:ietf:params:scim:schemas:core:2.0:User"
                 *           ],
                 *           "id": "2819c223-7f76-453a-919d-413861904646",
                 *           "userName": "bjensen",
                 *           "emails": [
                 *             {
                 *               "value": "bjensen@example.com",
                 *               "type": "work",
                 *               "primary": true
                 *             }
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimListResponse"];
            };
        };
        /** @description No discovery resource has that id. */
        ScimDocumentNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "404",
                 *       "detail": "No resource type or schema 'Group' is served here."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description The request is not valid: a path or query problem, a body that does not match the schema (`invalidValue`, `invalidSyntax`), a patch path that cannot be read (`invalidPath`), a filter that selects nothing to remove (`noTarget`), a change to a read-only attribute (`mutability`), a search filter that cannot be read or names an attribute that cannot be searched (`invalidFilter`), a `count` above the limit (`tooMany`), or a cursor that is not one of this server's for this query: one that cannot be read, or was given for another filter or order (`invalidCursor`). */
        ScimBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "400",
                 *       "scimType": "invalidValue",
                 *       "detail": "active: must be boolean"
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description No bearer token, or one that is not valid. */
        ScimUnauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WWWAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "401",
                 *       "detail": "A bearer token is required."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description The caller may not do this, or the directory is read-only. */
        ScimForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "403",
                 *       "detail": "Only the user itself or an administrator can do this."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description No user has that id. */
        ScimNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "404",
                 *       "detail": "User '2819c223-7f76-453a-919d-413861904646' was not found."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description The userName, email or externalId belongs to another user (`uniqueness`), or the change would leave no active administrator. */
        ScimConflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "409",
                 *       "scimType": "uniqueness",
                 *       "detail": "The username is taken by another user."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description The user has changed since the ETag in `If-Match`; nothing was changed. */
        ScimPreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "412",
                 *       "detail": "The user has changed since that ETag (it is now \"3\"); read it again."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description The body is larger than the server accepts. */
        ScimPayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "413",
                 *       "detail": "The request body is larger than 1048576 bytes."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description The body is not SCIM JSON or JSON, in UTF-8. */
        ScimUnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "415",
                 *       "detail": "Unsupported media type 'text/plain'."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description The server requires `If-Match` on updates. */
        ScimPreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "428",
                 *       "detail": "This server requires If-Match with the user's ETag."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
        /** @description The database does not answer; try again later. */
        ScimUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:Error"
                 *       ],
                 *       "status": "503",
                 *       "detail": "The directory is unavailable; try again later."
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimError"];
            };
        };
    };
    parameters: {
        /**
         * @description `@current` for the caller, else the user's id (a UUID), else its email, else its username (case-insensitive): `4b262379-5bbe-421e-a429-f6e2ab5a849b`, `t.durden@fightclub.com`, `tdurden` and `@current` (as that user) all address the same demo user.
         * @example 4b262379-5bbe-421e-a429-f6e2ab5a849b
         */
        ContensisUserIdentifier: string;
        /**
         * @description The id of the user (its username).
         * @example jonny1
         */
        CamundaUserId: string;
        /**
         * @description The user's number, or `current` for the caller.
         * @example 5
         */
        DeviceHiveUserId: string;
        /**
         * @description The user's id.
         * @example 2f0c7d7e-52c5-4c55-9a43-7f7e3a1a9b10
         */
        StrapiUserId: string;
        /**
         * @description The `ETag` of the representation the change is based on, such as `"2"`; the change is refused with 412 when the user has changed since. `*` matches whatever version is current (the example, so that every example request can be sent in any order). Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
         * @example *
         */
        IfMatch: string;
        /**
         * @description The user's id.
         * @example 2819c223-7f76-453a-919d-413861904646
         */
        ScimUserId: string;
        /**
         * @description At most this many items (1 to 1,000; default 100).
         * @example 1
         */
        ChangesLimit: number;
        /**
         * @description The id of a resource type.
         * @example User
         */
        ScimResourceTypeId: string;
        /**
         * @description The id of a schema (its URN).
         * @example urn:ietf:params:scim:schemas:core:2.0:User
         */
        ScimSchemaId: string;
        /**
         * @description A filter (RFC 7644 §3.4.2.2), such as `userName eq "bjensen"` or `emails[type eq "work"].value eq "bjensen@example.com"`.
         * @example userName eq "bjensen"
         */
        ScimFilter: string;
        /**
         * @description The 1-based index of the first result (below 1 counts as 1). Not with `cursor`.
         * @example 1
         */
        ScimStartIndex: number;
        /**
         * @description How many results per page (default 100, at most 1,000; a negative value counts as 0, and 0 answers only `totalResults`).
         * @example 100
         */
        ScimCount: number;
        /** @description Cursor pagination (RFC 9865). Empty for the first page, then the `nextCursor` of the previous answer; the other parameters must stay as they were. */
        ScimCursor: string;
        /**
         * @description The attribute to sort by (`userName`, `name.familyName`, `meta.lastModified`, …).
         * @example userName
         */
        ScimSortBy: string;
        /**
         * @description `ascending` (the default) or `descending`.
         * @example ascending
         */
        ScimSortOrder: "ascending" | "descending";
        /**
         * @description The attributes to return, comma-separated (`userName,emails`); `id` and `schemas` always come back.
         * @example userName,emails
         */
        ScimAttributes: string;
        /**
         * @description The attributes to leave out, comma-separated.
         * @example meta
         */
        ScimExcludedAttributes: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description The URI of the created resource.
         * @example http://127.0.0.1:3000/scim/v2/Users/2819c223-7f76-453a-919d-413861904646
         */
        Location: string;
        /**
         * @description The URI of the resource in the body, which its `meta.location` repeats.
         * @example http://127.0.0.1:3000/scim/v2/Users/2819c223-7f76-453a-919d-413861904646
         */
        ContentLocation: string;
        /**
         * @description The version of the user, to send back in `If-Match`.
         * @example "2"
         */
        ETag: string;
        /**
         * @description The authentication scheme the server expects.
         * @example Bearer realm="users-api", error="invalid_token"
         */
        WWWAuthenticate: string;
        /**
         * @description Seconds to wait before trying again.
         * @example 5
         */
        RetryAfter: number;
    };
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    getContensisUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description `@current` for the caller, else the user's id (a UUID), else its email, else its username (case-insensitive): `4b262379-5bbe-421e-a429-f6e2ab5a849b`, `t.durden@fightclub.com`, `tdurden` and `@current` (as that user) all address the same demo user.
                 * @example 4b262379-5bbe-421e-a429-f6e2ab5a849b
                 */
                userIdentifier: components["parameters"]["ContensisUserIdentifier"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ContensisUserOk"];
            400: components["responses"]["ContensisBadRequest"];
            401: components["responses"]["ContensisUnauthorized"];
            403: components["responses"]["ContensisForbidden"];
            404: components["responses"]["ContensisNotFound"];
            503: components["responses"]["ContensisUnavailable"];
        };
    };
    updateContensisUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the representation the change is based on, such as `"2"`; the change is refused with 412 when the user has changed since. `*` matches whatever version is current (the example, so that every example request can be sent in any order). Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description `@current` for the caller, else the user's id (a UUID), else its email, else its username (case-insensitive): `4b262379-5bbe-421e-a429-f6e2ab5a849b`, `t.durden@fightclub.com`, `tdurden` and `@current` (as that user) all address the same demo user.
                 * @example 4b262379-5bbe-421e-a429-f6e2ab5a849b
                 */
                userIdentifier: components["parameters"]["ContensisUserIdentifier"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContensisUserUpdate"];
            };
        };
        responses: {
            200: components["responses"]["ContensisUserOk"];
            400: components["responses"]["ContensisBadRequest"];
            401: components["responses"]["ContensisUnauthorized"];
            403: components["responses"]["ContensisForbidden"];
            404: components["responses"]["ContensisNotFound"];
            409: components["responses"]["ContensisConflict"];
            412: components["responses"]["ContensisPreconditionFailed"];
            413: components["responses"]["ContensisPayloadTooLarge"];
            415: components["responses"]["ContensisUnsupportedMediaType"];
            422: components["responses"]["ContensisUnprocessable"];
            428: components["responses"]["ContensisPreconditionRequired"];
            503: components["responses"]["ContensisUnavailable"];
        };
    };
    getCamundaUserProfile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of the user (its username).
                 * @example jonny1
                 */
                id: components["parameters"]["CamundaUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CamundaProfileOk"];
            400: components["responses"]["CamundaBadRequest"];
            401: components["responses"]["CamundaUnauthorized"];
            403: components["responses"]["CamundaForbidden"];
            404: components["responses"]["CamundaNotFound"];
            503: components["responses"]["CamundaUnavailable"];
        };
    };
    updateCamundaUserProfile: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the representation the change is based on, such as `"2"`; the change is refused with 412 when the user has changed since. `*` matches whatever version is current (the example, so that every example request can be sent in any order). Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The id of the user (its username).
                 * @example jonny1
                 */
                id: components["parameters"]["CamundaUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CamundaProfileUpdate"];
            };
        };
        responses: {
            204: components["responses"]["CamundaNoContent"];
            400: components["responses"]["CamundaBadRequest"];
            401: components["responses"]["CamundaUnauthorized"];
            403: components["responses"]["CamundaForbidden"];
            404: components["responses"]["CamundaNotFound"];
            409: components["responses"]["CamundaConflict"];
            412: components["responses"]["CamundaPreconditionFailed"];
            413: components["responses"]["CamundaPayloadTooLarge"];
            415: components["responses"]["CamundaUnsupportedMediaType"];
            428: components["responses"]["CamundaPreconditionRequired"];
            503: components["responses"]["CamundaUnavailable"];
        };
    };
    getDeviceHiveUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's number, or `current` for the caller.
                 * @example 5
                 */
                id: components["parameters"]["DeviceHiveUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["DeviceHiveUserOk"];
            400: components["responses"]["DeviceHiveBadRequest"];
            401: components["responses"]["DeviceHiveUnauthorized"];
            403: components["responses"]["DeviceHiveForbidden"];
            404: components["responses"]["DeviceHiveNotFound"];
            503: components["responses"]["DeviceHiveUnavailable"];
        };
    };
    updateDeviceHiveUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the representation the change is based on, such as `"2"`; the change is refused with 412 when the user has changed since. `*` matches whatever version is current (the example, so that every example request can be sent in any order). Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The user's number, or `current` for the caller.
                 * @example 5
                 */
                id: components["parameters"]["DeviceHiveUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeviceHiveUserUpdate"];
            };
        };
        responses: {
            204: components["responses"]["DeviceHiveNoContent"];
            400: components["responses"]["DeviceHiveBadRequest"];
            401: components["responses"]["DeviceHiveUnauthorized"];
            403: components["responses"]["DeviceHiveForbidden"];
            404: components["responses"]["DeviceHiveNotFound"];
            409: components["responses"]["DeviceHiveConflict"];
            412: components["responses"]["DeviceHivePreconditionFailed"];
            413: components["responses"]["DeviceHivePayloadTooLarge"];
            415: components["responses"]["DeviceHiveUnsupportedMediaType"];
            428: components["responses"]["DeviceHivePreconditionRequired"];
            503: components["responses"]["DeviceHiveUnavailable"];
        };
    };
    getStrapiUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id.
                 * @example 2f0c7d7e-52c5-4c55-9a43-7f7e3a1a9b10
                 */
                id: components["parameters"]["StrapiUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StrapiUserOk"];
            400: components["responses"]["StrapiBadRequest"];
            401: components["responses"]["StrapiUnauthorized"];
            403: components["responses"]["StrapiForbidden"];
            404: components["responses"]["StrapiNotFound"];
            503: components["responses"]["StrapiUnavailable"];
        };
    };
    updateStrapiUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the representation the change is based on, such as `"2"`; the change is refused with 412 when the user has changed since. `*` matches whatever version is current (the example, so that every example request can be sent in any order). Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The user's id.
                 * @example 2f0c7d7e-52c5-4c55-9a43-7f7e3a1a9b10
                 */
                id: components["parameters"]["StrapiUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StrapiUserUpdate"];
                /**
                 * @example <?xml version="1.0" encoding="utf-8"?>
                 *     <item>
                 *       <username>jlopez</username>
                 *       <email>test@mydomain.com</email>
                 *       <confirmed>false</confirmed>
                 *       <role>client</role>
                 *       <reports>maia-c6cbaa76ba8f</reports>
                 *       <reports>maia-3b5a054c593d</reports>
                 *     </item>
                 */
                "application/xml": components["schemas"]["StrapiUserUpdate"];
                /**
                 * @example {
                 *       "username": "jlopez",
                 *       "email": "test@mydomain.com",
                 *       "confirmed": false,
                 *       "reports": [
                 *         "maia-c6cbaa76ba8f",
                 *         "maia-3b5a054c593d"
                 *       ]
                 *     }
                 */
                "application/x-www-form-urlencoded": components["schemas"]["StrapiUserUpdate"];
            };
        };
        responses: {
            200: components["responses"]["StrapiUserOk"];
            400: components["responses"]["StrapiBadRequest"];
            401: components["responses"]["StrapiUnauthorized"];
            403: components["responses"]["StrapiForbidden"];
            404: components["responses"]["StrapiNotFound"];
            409: components["responses"]["StrapiConflict"];
            412: components["responses"]["StrapiPreconditionFailed"];
            413: components["responses"]["StrapiPayloadTooLarge"];
            415: components["responses"]["StrapiUnsupportedMediaType"];
            428: components["responses"]["StrapiPreconditionRequired"];
            503: components["responses"]["StrapiUnavailable"];
        };
    };
    listScimUsers: {
        parameters: {
            query?: {
                /**
                 * @description A filter (RFC 7644 §3.4.2.2), such as `userName eq "bjensen"` or `emails[type eq "work"].value eq "bjensen@example.com"`.
                 * @example userName eq "bjensen"
                 */
                filter?: components["parameters"]["ScimFilter"];
                /**
                 * @description The 1-based index of the first result (below 1 counts as 1). Not with `cursor`.
                 * @example 1
                 */
                startIndex?: components["parameters"]["ScimStartIndex"];
                /**
                 * @description How many results per page (default 100, at most 1,000; a negative value counts as 0, and 0 answers only `totalResults`).
                 * @example 100
                 */
                count?: components["parameters"]["ScimCount"];
                /** @description Cursor pagination (RFC 9865). Empty for the first page, then the `nextCursor` of the previous answer; the other parameters must stay as they were. */
                cursor?: components["parameters"]["ScimCursor"];
                /**
                 * @description The attribute to sort by (`userName`, `name.familyName`, `meta.lastModified`, …).
                 * @example userName
                 */
                sortBy?: components["parameters"]["ScimSortBy"];
                /**
                 * @description `ascending` (the default) or `descending`.
                 * @example ascending
                 */
                sortOrder?: components["parameters"]["ScimSortOrder"];
                /**
                 * @description The attributes to return, comma-separated (`userName,emails`); `id` and `schemas` always come back.
                 * @example userName,emails
                 */
                attributes?: components["parameters"]["ScimAttributes"];
                /**
                 * @description The attributes to leave out, comma-separated.
                 * @example meta
                 */
                excludedAttributes?: components["parameters"]["ScimExcludedAttributes"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ScimUserList"];
            400: components["responses"]["ScimBadRequest"];
            401: components["responses"]["ScimUnauthorized"];
            503: components["responses"]["ScimUnavailable"];
        };
    };
    createScimUser: {
        parameters: {
            query?: {
                /**
                 * @description The attributes to return, comma-separated (`userName,emails`); `id` and `schemas` always come back.
                 * @example userName,emails
                 */
                attributes?: components["parameters"]["ScimAttributes"];
                /**
                 * @description The attributes to leave out, comma-separated.
                 * @example meta
                 */
                excludedAttributes?: components["parameters"]["ScimExcludedAttributes"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/scim+json": components["schemas"]["ScimUserWrite"];
                "application/json": components["schemas"]["ScimUserWrite"];
            };
        };
        responses: {
            201: components["responses"]["ScimUserCreated"];
            400: components["responses"]["ScimBadRequest"];
            401: components["responses"]["ScimUnauthorized"];
            403: components["responses"]["ScimForbidden"];
            409: components["responses"]["ScimConflict"];
            413: components["responses"]["ScimPayloadTooLarge"];
            415: components["responses"]["ScimUnsupportedMediaType"];
            503: components["responses"]["ScimUnavailable"];
        };
    };
    searchScimUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
                 *       ],
                 *       "filter": "userName eq \"bjensen\"",
                 *       "attributes": [
                 *         "userName",
                 *         "emails"
                 *       ]
                 *     }
                 */
                "application/scim+json": components["schemas"]["ScimSearchRequest"];
                /**
                 * @example {
                 *       "schemas": [
                 *         "urn:ietf:params:scim:api:messages:2.0:SearchRequest"
                 *       ],
                 *       "filter": "userName eq \"bjensen\"",
                 *       "attributes": [
                 *         "userName",
                 *         "emails"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ScimSearchRequest"];
            };
        };
        responses: {
            200: components["responses"]["ScimUserList"];
            400: components["responses"]["ScimBadRequest"];
            401: components["responses"]["ScimUnauthorized"];
            413: components["responses"]["ScimPayloadTooLarge"];
            415: components["responses"]["ScimUnsupportedMediaType"];
            503: components["responses"]["ScimUnavailable"];
        };
    };
    getScimUser: {
        parameters: {
            query?: {
                /**
                 * @description The attributes to return, comma-separated (`userName,emails`); `id` and `schemas` always come back.
                 * @example userName,emails
                 */
                attributes?: components["parameters"]["ScimAttributes"];
                /**
                 * @description The attributes to leave out, comma-separated.
                 * @example meta
                 */
                excludedAttributes?: components["parameters"]["ScimExcludedAttributes"];
            };
            header?: never;
            path: {
                /**
                 * @description The user's id.
                 * @example 2819c223-7f76-453a-919d-413861904646
                 */
                id: components["parameters"]["ScimUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ScimUserOk"];
            400: components["responses"]["ScimBadRequest"];
            401: components["responses"]["ScimUnauthorized"];
            403: components["responses"]["ScimForbidden"];
            404: components["responses"]["ScimNotFound"];
            503: components["responses"]["ScimUnavailable"];
        };
    };
    replaceScimUser: {
        parameters: {
            query?: {
                /**
                 * @description The attributes to return, comma-separated (`userName,emails`); `id` and `schemas` always come back.
                 * @example userName,emails
                 */
                attributes?: components["parameters"]["ScimAttributes"];
                /**
                 * @description The attributes to leave out, comma-separated.
                 * @example meta
                 */
                excludedAttributes?: components["parameters"]["ScimExcludedAttributes"];
            };
            header?: {
                /**
                 * @description The `ETag` of the representation the change is based on, such as `"2"`; the change is refused with 412 when the user has changed since. `*` matches whatever version is current (the example, so that every example request can be sent in any order). Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The user's id.
                 * @example 2819c223-7f76-453a-919d-413861904646
                 */
                id: components["parameters"]["ScimUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/scim+json": components["schemas"]["ScimUserWrite"];
                "application/json": components["schemas"]["ScimUserWrite"];
            };
        };
        responses: {
            200: components["responses"]["ScimUserOk"];
            400: components["responses"]["ScimBadRequest"];
            401: components["responses"]["ScimUnauthorized"];
            403: components["responses"]["ScimForbidden"];
            404: components["responses"]["ScimNotFound"];
            409: components["responses"]["ScimConflict"];
            412: components["responses"]["ScimPreconditionFailed"];
            413: components["responses"]["ScimPayloadTooLarge"];
            415: components["responses"]["ScimUnsupportedMediaType"];
            428: components["responses"]["ScimPreconditionRequired"];
            503: components["responses"]["ScimUnavailable"];
        };
    };
    deleteScimUser: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the representation the change is based on, such as `"2"`; the change is refused with 412 when the user has changed since. `*` matches whatever version is current (the example, so that every example request can be sent in any order). Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The user's id (the example is the demo directory's user who leaves).
                 * @example 6f1d3b8a-2c4e-4a7f-9b1c-8e5d2a7c4f03
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["ScimBadRequest"];
            401: components["responses"]["ScimUnauthorized"];
            403: components["responses"]["ScimForbidden"];
            404: components["responses"]["ScimNotFound"];
            409: components["responses"]["ScimConflict"];
            412: components["responses"]["ScimPreconditionFailed"];
            428: components["responses"]["ScimPreconditionRequired"];
            503: components["responses"]["ScimUnavailable"];
        };
    };
    patchScimUser: {
        parameters: {
            query?: {
                /**
                 * @description The attributes to return, comma-separated (`userName,emails`); `id` and `schemas` always come back.
                 * @example userName,emails
                 */
                attributes?: components["parameters"]["ScimAttributes"];
                /**
                 * @description The attributes to leave out, comma-separated.
                 * @example meta
                 */
                excludedAttributes?: components["parameters"]["ScimExcludedAttributes"];
            };
            header?: {
                /**
                 * @description The `ETag` of the representation the change is based on, such as `"2"`; the change is refused with 412 when the user has changed since. `*` matches whatever version is current (the example, so that every example request can be sent in any order). Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example *
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The user's id.
                 * @example 2819c223-7f76-453a-919d-413861904646
                 */
                id: components["parameters"]["ScimUserId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/scim+json": components["schemas"]["ScimPatchOp"];
                "application/json": components["schemas"]["ScimPatchOp"];
            };
        };
        responses: {
            200: components["responses"]["ScimUserOk"];
            400: components["responses"]["ScimBadRequest"];
            401: components["responses"]["ScimUnauthorized"];
            403: components["responses"]["ScimForbidden"];
            404: components["responses"]["ScimNotFound"];
            409: components["responses"]["ScimConflict"];
            412: components["responses"]["ScimPreconditionFailed"];
            413: components["responses"]["ScimPayloadTooLarge"];
            415: components["responses"]["ScimUnsupportedMediaType"];
            428: components["responses"]["ScimPreconditionRequired"];
            503: components["responses"]["ScimUnavailable"];
        };
    };
    getScimServiceProviderConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service provider configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "schemas": [
                     *         "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"
                     *       ],
                     *       "documentationUri": "/docs",
                     *       "patch": {
                     *         "supported": true
                     *       },
                     *       "bulk": {
                     *         "supported": false,
                     *         "maxOperations": 0,
                     *         "maxPayloadSize": 0
                     *       },
                     *       "filter": {
                     *         "supported": true,
                     *         "maxResults": 1000
                     *       },
                     *       "changePassword": {
                     *         "supported": true
                     *       },
                     *       "sort": {
                     *         "supported": true
                     *       },
                     *       "etag": {
                     *         "supported": true
                     *       },
                     *       "pagination": {
                     *         "cursor": true,
                     *         "index": true,
                     *         "defaultPaginationMethod": "index",
                     *         "defaultPageSize": 100,
                     *         "maxPageSize": 1000,
                     *         "cursorTimeout": 86400
                     *       },
                     *       "authenticationSchemes": [
                     *         {
                     *           "type": "oauthbearertoken",
                     *           "name": "OAuth Bearer Token",
                     *           "description": "A JWT bearer token whose subject is an administrator of the directory.",
                     *           "primary": true
                     *         }
                     *       ],
                     *       "meta": {
                     *         "resourceType": "ServiceProviderConfig",
                     *         "location": "http://127.0.0.1:3000/scim/v2/ServiceProviderConfig"
                     *       }
                     *     }
                     */
                    "application/scim+json": components["schemas"]["ScimServiceProviderConfig"];
                };
            };
            400: components["responses"]["ScimBadRequest"];
        };
    };
    getScimResourceTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource types, as a list response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "schemas": [
                     *         "urn:ietf:params:scim:api:messages:2.0:ListResponse"
                     *       ],
                     *       "totalResults": 1,
                     *       "itemsPerPage": 1,
                     *       "startIndex": 1,
                     *       "Resources": [
                     *         {
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:ResourceType"
                     *           ],
                     *           "id": "User",
                     *           "name": "User",
                     *           "endpoint": "/Users",
                     *           "description": "User Account",
                     *           "schema": "urn:ietf:params:scim:schemas:core:2.0:User",
                     *           "meta": {
                     *             "resourceType": "ResourceType",
                     *             "location": "http://127.0.0.1:3000/scim/v2/ResourceTypes/User"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/scim+json": components["schemas"]["ScimResourceTypeList"];
                };
            };
            400: components["responses"]["ScimBadRequest"];
        };
    };
    getScimSchemas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The User schema, as a list response. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "schemas": [
                     *         "urn:ietf:params:scim:api:messages:2.0:ListResponse"
                     *       ],
                     *       "totalResults": 1,
                     *       "itemsPerPage": 1,
                     *       "startIndex": 1,
                     *       "Resources": [
                     *         {
                     *           "schemas": [
                     *             "urn:ietf:params:scim:schemas:core:2.0:Schema"
                     *           ],
                     *           "id": "urn:ietf:params:scim:schemas:core:2.0:User",
                     *           "name": "User",
                     *           "description": "User Account",
                     *           "attributes": [
                     *             {
                     *               "name": "userName",
                     *               "type": "string",
                     *               "multiValued": false,
                     *               "description": "The user's username, unique case-insensitively (and no other user's email); no white space.",
                     *               "required": true,
                     *               "caseExact": false,
                     *               "mutability": "readWrite",
                     *               "returned": "default",
                     *               "uniqueness": "server"
                     *             },
                     *             {
                     *               "name": "externalId",
                     *               "type": "string",
                     *               "multiValued": false,
                     *               "description": "The provisioning client's identifier for the user.",
                     *               "required": false,
                     *               "caseExact": true,
                     *               "mutability": "readWrite",
                     *               "returned": "default",
                     *               "uniqueness": "server"
                     *             },
                     *             {
                     *               "name": "name",
                     *               "type": "complex",
                     *               "multiValued": false,
                     *               "description": "The components of the user's name.",
                     *               "required": false,
                     *               "mutability": "readWrite",
                     *               "returned": "default",
                     *               "uniqueness": "none",
                     *               "subAttributes": [
                     *                 {
                     *                   "name": "formatted",
                     *                   "type": "string",
                     *                   "multiValued": false,
                     *                   "description": "The full name; unless one is given, the given and family names, joined.",
                     *                   "required": false,
                     *                   "caseExact": false,
                     *                   "mutability": "readWrite",
                     *                   "returned": "default",
                     *                   "uniqueness": "none"
                     *                 },
                     *                 {
                     *                   "name": "givenName",
                     *                   "type": "string",
                     *                   "multiValued": false,
                     *                   "description": "The given name.",
                     *                   "required": false,
                     *                   "caseExact": false,
                     *                   "mutability": "readWrite",
                     *                   "returned": "default",
                     *                   "uniqueness": "none"
                     *                 },
                     *                 {
                     *                   "name": "familyName",
                     *                   "type": "string",
                     *                   "multiValued": false,
                     *                   "description": "The family name.",
                     *                   "required": false,
                     *                   "caseExact": false,
                     *                   "mutability": "readWrite",
                     *                   "returned": "default",
                     *                   "uniqueness": "none"
                     *                 }
                     *               ]
                     *             },
                     *             {
                     *               "name": "displayName",
                     *               "type": "string",
                     *               "multiValued": false,
                     *               "description": "The name to display; unless one is given, the formatted name, else the userName.",
                     *               "required": false,
                     *               "caseExact": false,
                     *               "mutability": "readWrite",
                     *               "returned": "default",
                     *               "uniqueness": "none"
                     *             },
                     *             {
                     *               "name": "emails",
                     *               "type": "complex",
                     *               "multiValued": true,
                     *               "description": "The user's email addresses, as sent; the primary one (else the first) is its email in the other contracts, unique case-insensitively.",
                     *               "required": false,
                     *               "mutability": "readWrite",
                     *               "returned": "default",
                     *               "uniqueness": "none",
                     *               "subAttributes": [
                     *                 {
                     *                   "name": "value",
                     *                   "type": "string",
                     *                   "multiValued": false,
                     *                   "description": "The email address; the primary one (else the first) is unique case-insensitively.",
                     *                   "required": true,
                     *                   "caseExact": false,
                     *                   "mutability": "readWrite",
                     *                   "returned": "default",
                     *                   "uniqueness": "none"
                     *                 },
                     *                 {
                     *                   "name": "type",
                     *                   "type": "string",
                     *                   "multiValued": false,
                     *                   "description": "The kind of address, such as `work`.",
                     *                   "required": false,
                     *                   "caseExact": false,
                     *                   "canonicalValues": [
                     *                     "work",
                     *                     "home",
                     *                     "other"
                     *                   ],
                     *                   "mutability": "readWrite",
                     *                   "returned": "default",
                     *                   "uniqueness": "none"
                     *                 },
                     *                 {
                     *                   "name": "primary",
                     *                   "type": "boolean",
                     *                   "multiValued": false,
                     *                   "description": "Whether this is the user's primary address (at most one is).",
                     *                   "required": false,
                     *                   "mutability": "readWrite",
                     *                   "returned": "default"
                     *                 }
                     *               ]
                     *             },
                     *             {
                     *               "name": "active",
                     *               "type": "boolean",
                     *               "multiValued": false,
                     *               "description": "Whether the user may sign in; false disables the user.",
                     *               "required": false,
                     *               "mutability": "readWrite",
                     *               "returned": "default"
                     *             },
                     *             {
                     *               "name": "locale",
                     *               "type": "string",
                     *               "multiValued": false,
                     *               "description": "The user's locale, such as `en-US` (`en_US` is accepted as sent).",
                     *               "required": false,
                     *               "caseExact": false,
                     *               "mutability": "readWrite",
                     *               "returned": "default",
                     *               "uniqueness": "none"
                     *             },
                     *             {
                     *               "name": "preferredLanguage",
                     *               "type": "string",
                     *               "multiValued": false,
                     *               "description": "The user's language, a BCP 47 tag (the `language` of the other contracts).",
                     *               "required": false,
                     *               "caseExact": false,
                     *               "mutability": "readWrite",
                     *               "returned": "default",
                     *               "uniqueness": "none"
                     *             },
                     *             {
                     *               "name": "timezone",
                     *               "type": "string",
                     *               "multiValued": false,
                     *               "description": "The user's time zone, an IANA name such as `America/Los_Angeles`.",
                     *               "required": false,
                     *               "caseExact": true,
                     *               "mutability": "readWrite",
                     *               "returned": "default",
                     *               "uniqueness": "none"
                     *             },
                     *             {
                     *               "name": "password",
                     *               "type": "string",
                     *               "multiValued": false,
                     *               "description": "The user's password; never returned.",
                     *               "required": false,
                     *               "caseExact": true,
                     *               "mutability": "writeOnly",
                     *               "returned": "never",
                     *               "uniqueness": "none"
                     *             }
                     *           ],
                     *           "meta": {
                     *             "resourceType": "Schema",
                     *             "location": "http://127.0.0.1:3000/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/scim+json": components["schemas"]["ScimSchemaList"];
                };
            };
            400: components["responses"]["ScimBadRequest"];
        };
    };
    getScimResourceType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of a resource type.
                 * @example User
                 */
                id: components["parameters"]["ScimResourceTypeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource type. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimResourceType"];
                };
            };
            400: components["responses"]["ScimBadRequest"];
            404: components["responses"]["ScimDocumentNotFound"];
        };
    };
    getScimSchema: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The id of a schema (its URN).
                 * @example urn:ietf:params:scim:schemas:core:2.0:User
                 */
                id: components["parameters"]["ScimSchemaId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schema. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/scim+json": components["schemas"]["ScimSchema"];
                };
            };
            400: components["responses"]["ScimBadRequest"];
            404: components["responses"]["ScimDocumentNotFound"];
        };
    };
    listUserHistory: {
        parameters: {
            query?: {
                /** @description Only changes older than this one (the previous page's `next`). */
                before?: string;
                /**
                 * @description At most this many items (1 to 1,000; default 100).
                 * @example 1
                 */
                limit?: components["parameters"]["ChangesLimit"];
            };
            header?: never;
            path: {
                /**
                 * @description The user's id (a deleted user's too).
                 * @example 4b262379-5bbe-421e-a429-f6e2ab5a849b
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the user's changes. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "changes": [
                     *         {
                     *           "id": "1",
                     *           "at": "2026-12-02T09:30:00.000Z",
                     *           "actor": {
                     *             "id": "9d1e6a52-3b8f-4c1e-8a55-0c2f4b7d9e01",
                     *             "name": "admin"
                     *           },
                     *           "contract": "contensis",
                     *           "kind": "updated",
                     *           "version": 2,
                     *           "changes": {
                     *             "email": {
                     *               "old": "t.durden@fightclub.com",
                     *               "new": "t.turden@fightclub.com"
                     *             }
                     *           }
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["UserHistory"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            503: components["responses"]["Unavailable"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Where to read from - the `next` of the previous answer, or `latest`. */
                after?: string;
                /**
                 * @description At most this many items (1 to 1,000; default 100).
                 * @example 1
                 */
                limit?: components["parameters"]["ChangesLimit"];
                /** @description Seconds to wait for events when there are none yet (0 to 30; default 0). */
                wait?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events, and where to read on from. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "events": [
                     *         {
                     *           "specversion": "1.0",
                     *           "id": "1",
                     *           "source": "urn:users-api",
                     *           "type": "users-api.user.updated",
                     *           "subject": "4b262379-5bbe-421e-a429-f6e2ab5a849b",
                     *           "time": "2026-12-02T09:30:00.000Z",
                     *           "datacontenttype": "application/json",
                     *           "data": {
                     *             "version": 2,
                     *             "changed": [
                     *               "email"
                     *             ],
                     *             "contract": "contensis",
                     *             "actor": "9d1e6a52-3b8f-4c1e-8a55-0c2f4b7d9e01"
                     *           }
                     *         }
                     *       ],
                     *       "next": "741-1"
                     *     }
                     */
                    "application/json": components["schemas"]["EventPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    listDeadDeliveries: {
        parameters: {
            query?: {
                /**
                 * @description At most this many items (1 to 1,000; default 100).
                 * @example 1
                 */
                limit?: components["parameters"]["ChangesLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dead deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deliveries": []
                     *     }
                     */
                    "application/json": components["schemas"]["DeadDeliveries"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            503: components["responses"]["Unavailable"];
        };
    };
    getOpenApiYaml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The specification. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getOpenApiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The specification. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getApiReference: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reference page. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ready"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The database does not answer, or the identity provider's keys have not been fetched yet. */
            503: {
                headers: {
                    "Retry-After": components["headers"]["RetryAfter"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "unavailable",
                     *       "reason": "the identity provider's keys (JWT_JWKS_URL) have not been fetched yet"
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example # HELP http_server_active_requests HTTP requests being served.
                     *     # TYPE http_server_active_requests gauge
                     *     http_server_active_requests 1
                     */
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Metrics are off, or served on their own port (`METRICS_PORT`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "code": 404,
                     *       "message": "No such path."
                     *     }
                     */
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
