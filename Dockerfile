# The silo image: build with the SDK, run on the ASP.NET Core runtime as a non-root user.
#   docker build -t switchyard-silo .
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY grain-interfaces/ grain-interfaces/
COPY grains/ grains/
COPY aspire/Switchyard.ServiceDefaults/ aspire/Switchyard.ServiceDefaults/
COPY silo/ silo/
# ReadyToRun: the assemblies ship precompiled, so a new silo starts about a fifth sooner and compiles half
# as many methods while it takes its first load (docs/benchmarks.md, Gateway overhead).
RUN dotnet publish silo/Switchyard.Silo/Switchyard.Silo.csproj -c Release -o /app --no-self-contained \
    -a $TARGETARCH -p:PublishReadyToRun=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Switchyard__DataDirectory=/tmp/switchyard
EXPOSE 8080 11111 30000
# The runtime image's unprivileged 'app' user (uid 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "Switchyard.Silo.dll"]
