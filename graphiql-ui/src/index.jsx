import './monaco-workers.js';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

// The page lives at <context>/graphiql/, the endpoint at <context>/graphql.
const endpoint = new URL('../graphql', window.location.href).href;
const fetcher = createGraphiQLFetcher({ url: endpoint });

// ?query=...&variables=... preset the editors (handy for links and tests).
// Headers are deliberately not read from the URL: they carry bearer tokens.
const params = new URLSearchParams(window.location.search);

// The headers editor starts open and empty: operators add {"Authorization": "Bearer ..."} for mutations.
// No placeholder header, since an empty bearer token would get even anonymous queries rejected.

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL
    fetcher={fetcher}
    initialQuery={params.get('query') ?? undefined}
    initialVariables={params.get('variables') ?? undefined}
    isHeadersEditorEnabled
    defaultEditorToolsVisibility="headers"
  />,
);
