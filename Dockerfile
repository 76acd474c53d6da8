# MS5 Floor Dashboard: API + SPA on one port. Build: docker build -t ms5 .
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install --global pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile && pnpm build && pnpm deploy --filter @ms5/api --prod --legacy /out/api \
  && mkdir -p /out/web && cp -r apps/web/dist /out/web/dist

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data WEB_DIST_DIR=/app/web/dist
WORKDIR /app
COPY --from=build /out/api /app/api
COPY --from=build /out/web /app/web
RUN useradd --system --create-home ms5 && mkdir -p /data && chown ms5 /data
USER ms5
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "api/dist/main.js"]
