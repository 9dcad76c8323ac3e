# Build a small image: a static binary on a distroless base, run as non-root.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/entraide ./cmd/entraide && mkdir -p /out/data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/entraide /entraide
# The data folder belongs to the non-root user, so SQLite can write there.
COPY --from=build --chown=65532:65532 /out/data /data
ENV ENTRAIDE_ADDR=0.0.0.0:8080 ENTRAIDE_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
USER nonroot:nonroot
ENTRYPOINT ["/entraide"]
CMD ["serve"]
