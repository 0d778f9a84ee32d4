// Everything GraphiQL needs in the browser, in one script and one stylesheet, so that /graphiql works on a
// network that blocks public CDNs. The page (../src/main/resources/graphiql/index.html) does the wiring.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import 'graphiql/graphiql.css';
import '@graphiql/plugin-explorer/dist/style.css';

window.ErpGraphiQL = { React, createRoot, GraphiQL, createGraphiQLFetcher, explorerPlugin };
