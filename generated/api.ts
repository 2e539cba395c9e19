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
                 * @example current
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
        /** @description The body of errors outside the four contracts (an undocumented path, a bad query string on a service route). */
        Error: {
            code: number;
            message: string;
        };
        FieldError: {
            /** @description Where the fault is, as a path into the request (`email`, `custom.department`, `If-Match`). */
            field: string;
            message: string;
        };
        /** @description Unique case-insensitively; no `@`, no white space. */
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
    };
    responses: {
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
         * @example current
         */
        DeviceHiveUserId: string;
        /**
         * @description The user's id.
         * @example 2f0c7d7e-52c5-4c55-9a43-7f7e3a1a9b10
         */
        StrapiUserId: string;
        /**
         * @description The `ETag` of the representation the change is based on; the update is refused with 412 when the user has changed since. Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
         * @example "1"
         */
        IfMatch: string;
    };
    requestBodies: never;
    headers: {
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
                 * @description The `ETag` of the representation the change is based on; the update is refused with 412 when the user has changed since. Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example "1"
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
                 * @description The `ETag` of the representation the change is based on; the update is refused with 412 when the user has changed since. Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example "1"
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
                 * @example current
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
                 * @description The `ETag` of the representation the change is based on; the update is refused with 412 when the user has changed since. Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example "1"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /**
                 * @description The user's number, or `current` for the caller.
                 * @example current
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
                 * @description The `ETag` of the representation the change is based on; the update is refused with 412 when the user has changed since. Mandatory (428 without it) when the server runs with `REQUIRE_IF_MATCH=true`.
                 * @example "1"
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
