# One image for the backend and the device gateway (the command picks the process).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/
COPY device-gateway/package.json device-gateway/
COPY seed/package.json seed/
COPY tests/package.json tests/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app /app
EXPOSE 3000 1883 8083
CMD ["node", "--import", "tsx", "backend/src/index.ts"]
